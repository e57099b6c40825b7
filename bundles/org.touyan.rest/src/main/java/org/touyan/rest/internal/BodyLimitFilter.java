package org.touyan.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.touyan.api.tabular.Tabular;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;

/**
 * Refuses request bodies over the configured size (one limit for JSON, a larger one for plugin
 * uploads) with 413: at once when the declared length is
 * too big, and while reading when a chunked body grows past it, so the server never buffers more.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = BodyLimitFilter.PID)
@Designate(ocd = BodyLimitFilter.Config.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

	static final String PID = "touyan.rest";

	@ObjectClassDefinition(name = "Touyan REST", description = "Limits of the core REST application")
	public @interface Config {
		@AttributeDefinition(description = "Largest accepted request body in bytes")
		long maxBodyBytes() default 1 << 20;

		@AttributeDefinition(description = "Largest accepted upload (a plugin jar: application/java-archive or application/octet-stream; a CSV or xlsx table) in bytes")
		long maxUploadBytes() default 16 << 20;
	}

	private volatile long bodyLimit;
	private volatile long uploadLimit;

	@Activate
	public BodyLimitFilter(Config config) {
		modified(config);
	}

	/** New limits apply in place: re-registering the filter would rebuild the core application. */
	@Modified
	void modified(Config config) {
		this.bodyLimit = config.maxBodyBytes();
		this.uploadLimit = config.maxUploadBytes();
	}

	@Override
	public void filter(ContainerRequestContext request) {
		MediaType type = request.getMediaType();
		boolean upload = type != null && (type.isCompatible(MediaType.APPLICATION_OCTET_STREAM_TYPE)
				|| (type.getType().equals("application") && type.getSubtype().equals("java-archive")) || table(type));
		long limit = upload ? uploadLimit : bodyLimit;
		if (request.getLength() > limit) {
			throw tooLarge(limit);
		}
		if (request.hasEntity()) {
			request.setEntityStream(new Bounded(request.getEntityStream(), limit));
		}
	}

	/**
	 * A table import (CSV or xlsx) is an upload too: a department's column of 120,000 communities is
	 * some 5 MB of CSV, more than a JSON body may be.
	 */
	private static boolean table(MediaType type) {
		String t = type.getType() + "/" + type.getSubtype();
		return t.equalsIgnoreCase(Tabular.CSV) || t.equalsIgnoreCase(Tabular.XLSX);
	}

	private static ProblemException tooLarge(long limit) {
		return new ProblemException(413, "Payload too large", "请求正文超过 " + limit + " 字节的上限",
				"The request body is larger than " + limit + " bytes", null);
	}

	/** Counts what is read and fails past the limit. */
	private static final class Bounded extends FilterInputStream {
		private final long limit;
		private long read;

		Bounded(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			read += n;
			if (read > limit) {
				throw tooLarge(limit);
			}
		}
	}
}
