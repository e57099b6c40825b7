package org.touyan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.tabular.Tabular;

class BodyLimitFilterTest {

	private final BodyLimitFilter filter = new BodyLimitFilter(new BodyLimitFilter.Config() {
		@Override
		public Class<? extends Annotation> annotationType() {
			return BodyLimitFilter.Config.class;
		}

		@Override
		public long maxBodyBytes() {
			return 1 << 20;
		}

		@Override
		public long maxUploadBytes() {
			return 16 << 20;
		}
	});

	/** A request that declares its type and length and has no body to read. */
	private static ContainerRequestContext request(String type, long length) {
		return (ContainerRequestContext) Proxy.newProxyInstance(BodyLimitFilterTest.class.getClassLoader(),
				new Class<?>[] { ContainerRequestContext.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getMediaType" -> MediaType.valueOf(type);
					case "getLength" -> (int) length;
					case "hasEntity" -> false;
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

	@Test
	void aTableImportMayBeAsLargeAsAnUploadAndJsonMayNot() {
		long fiveMegabytes = 5 << 20;
		assertDoesNotThrow(() -> filter.filter(request(Tabular.CSV + "; charset=UTF-8", fiveMegabytes)));
		assertDoesNotThrow(() -> filter.filter(request(Tabular.XLSX, fiveMegabytes)));
		assertEquals(413, assertThrows(ProblemException.class, () -> filter.filter(request(MediaType.APPLICATION_JSON, fiveMegabytes))).status());
		assertEquals(413, assertThrows(ProblemException.class, () -> filter.filter(request(Tabular.XLSX, 17 << 20))).status());
	}
}
