package org.touyan.plugins.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipeline stage 4: installs a new version beside the one serving (two versions of a symbolic
 * name may be installed at once; each has its own location) and starts it.
 */
final class InstallBeside {

	private static final Logger LOG = LoggerFactory.getLogger(InstallBeside.class);
	private static final Pattern MISSING_PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([\\w.]+)");

	private InstallBeside() {
	}

	/** The started bundle; refuses (with nothing left installed) when it cannot be installed or started. */
	static Bundle start(BundleContext context, JarMeta meta, byte[] jar) {
		Bundle fresh;
		try {
			fresh = context.installBundle(meta.location(), new ByteArrayInputStream(jar));
		} catch (BundleException e) {
			throw new Refusal("无法安装：" + reasonZh(e), "could not be installed: " + reason(e));
		}
		try {
			fresh.start();
		} catch (BundleException e) {
			Retirement.uninstallQuietly(fresh);
			throw new Refusal("无法启动：" + reasonZh(e), "could not start: " + reason(e));
		}
		return fresh;
	}

	/** Felix names a missing requirement in the resolver's notation: say it in plain words. */
	static String reason(BundleException e) {
		return reason(e, "it needs the package %s, which no installed bundle provides");
	}

	/** {@link #reason} in Chinese: the missing package named, otherwise the framework's own words. */
	static String reasonZh(BundleException e) {
		return reason(e, "需要程序包 %s，已安装的插件包均未提供");
	}

	private static String reason(BundleException e, String missingPackage) {
		String m = String.valueOf(e.getMessage());
		Matcher pkg = MISSING_PACKAGE.matcher(m);
		if (pkg.find()) {
			return String.format(missingPackage, pkg.group(1));
		}
		return m.length() > 300 ? m.substring(0, 300) : m;
	}
}
