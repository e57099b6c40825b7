package org.touyan.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;

/**
 * Refuses request bodies over the configured size with 413: at once when the declared length is
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
	}

	private final long limit;

	@Activate
	public BodyLimitFilter(Config config) {
		this.limit = config.maxBodyBytes();
	}

	@Override
	public void filter(ContainerRequestContext request) {
		if (request.getLength() > limit) {
			throw tooLarge();
		}
		if (request.hasEntity()) {
			request.setEntityStream(new Bounded(request.getEntityStream()));
		}
	}

	private ProblemException tooLarge() {
		return new ProblemException(413, "Payload too large", "The request body is larger than " + limit + " bytes");
	}

	/** Counts what is read and fails past the limit. */
	private final class Bounded extends FilterInputStream {
		private long read;

		Bounded(InputStream in) {
			super(in);
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
				throw tooLarge();
			}
		}
	}
}
