package org.touyan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.touyan.api.rest.RestConstants;

class HealthReadinessTest {

	@Test
	void notReadyBeforeTheCoreApplicationIsRegistered() {
		List<String> failures = HealthResource.applicationFailures(runtime(null), Map.of(7L, "people"));
		assertEquals(List.of("the core application 'touyan' is not registered"), failures);
	}

	@Test
	void notReadyWhileARegisteredResourceIsNotServedYet() {
		ApplicationDTO core = core(new long[] { 7 }, new long[] { 9 });
		List<String> failures = HealthResource.applicationFailures(runtime(core), Map.of(7L, "people", 9L, "authorization", 11L, "plugins"));
		assertEquals(List.of("plugins (service 11) is not served by the core application yet"), failures);
	}

	@Test
	void readyWhenEveryMemberIsServed() {
		ApplicationDTO core = core(new long[] { 7, 11 }, new long[] { 9 });
		assertTrue(HealthResource.applicationFailures(runtime(core), Map.of(7L, "people", 9L, "authorization", 11L, "plugins")).isEmpty());
	}

	@Test
	void aFailedMemberIsReportedAsFailedNotAsWaiting() {
		RuntimeDTO dto = runtime(core(new long[] { 7 }, new long[0]));
		FailedResourceDTO failed = new FailedResourceDTO();
		failed.name = "broken";
		failed.serviceId = 11;
		failed.failureReason = 2;
		dto.failedResourceDTOs = new FailedResourceDTO[] { failed };
		assertEquals(List.of("resource broken (service 11) failed, reason 2"),
				HealthResource.applicationFailures(dto, Map.of(7L, "people", 11L, "broken")));
	}

	private static ApplicationDTO core(long[] resources, long[] extensions) {
		ApplicationDTO core = new ApplicationDTO();
		core.name = RestConstants.APPLICATION_NAME;
		core.resourceDTOs = java.util.Arrays.stream(resources).mapToObj(id -> {
			ResourceDTO r = new ResourceDTO();
			r.serviceId = id;
			return r;
		}).toArray(ResourceDTO[]::new);
		core.extensionDTOs = java.util.Arrays.stream(extensions).mapToObj(id -> {
			ExtensionDTO e = new ExtensionDTO();
			e.serviceId = id;
			return e;
		}).toArray(ExtensionDTO[]::new);
		return core;
	}

	private static RuntimeDTO runtime(ApplicationDTO core) {
		RuntimeDTO dto = new RuntimeDTO();
		dto.applicationDTOs = core == null ? new ApplicationDTO[0] : new ApplicationDTO[] { core };
		dto.failedApplicationDTOs = new FailedApplicationDTO[0];
		dto.failedResourceDTOs = new FailedResourceDTO[0];
		dto.failedExtensionDTOs = new FailedExtensionDTO[0];
		return dto;
	}
}
