package org.touyan.api.registry;

/** What a client sends to create or change a department; absent flags mean false. */
public record DepartmentInput(String districtId, String code, String name, String nameEn, Boolean scores,
		Boolean vets) {
}
