package org.touyan.api.policy;

import java.util.Locale;

/**
 * A policy plugin failed for one unit of work: it threw, ran past its time limit, or answered
 * something out of range. REST answers 502 with the reason and the plugin's provenance; the
 * platform and other units carry on.
 *
 * <p>The reason is given in Chinese, what users read, and in English, what the log and an English
 * client read ({@link #getMessage()} is the English one, so log lines stay greppable).
 */
public class PolicyFailureException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient Provenance provenance;
	private final String reasonZh;

	/** @since 1.1 */
	public PolicyFailureException(Provenance provenance, String reasonZh, String reasonEn) {
		this(provenance, reasonZh, reasonEn, null);
	}

	/** @since 1.1 */
	public PolicyFailureException(Provenance provenance, String reasonZh, String reasonEn, Throwable cause) {
		super("Policy " + provenance + " " + reasonEn, cause);
		this.provenance = provenance;
		this.reasonZh = reasonZh;
	}

	/** A reason in English only; the Chinese detail then names the plugin and quotes it. */
	public PolicyFailureException(Provenance provenance, String reason) {
		this(provenance, null, reason, null);
	}

	/** A reason in English only, with the plugin's own failure. */
	public PolicyFailureException(Provenance provenance, String reason, Throwable cause) {
		this(provenance, null, reason, cause);
	}

	public Provenance provenance() {
		return provenance;
	}

	/**
	 * What failed, for a user: in Chinese, or in English when the preferred language is English.
	 *
	 * @since 1.1
	 */
	public String detail(Locale preferred) {
		if (preferred != null && "en".equals(preferred.getLanguage())) {
			return getMessage();
		}
		String plugin = "策略插件 " + provenance;
		return reasonZh != null ? plugin + " " + reasonZh
				: plugin + " 出错：" + getMessage().substring(("Policy " + provenance + " ").length());
	}
}
