package org.touyan.registry.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.touyan.api.rest.Fields;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.registry.Department;
import org.touyan.api.registry.DepartmentInput;
import org.touyan.api.registry.JointCommitteeInput;
import org.touyan.api.registry.UnitInput;

/** Field rules shared by every organisation unit; each failure names its field. */
final class Validation {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");

	private Validation() {
	}

	static UnitInput unit(UnitInput input) {
		Fields.body(input);
		if (input.code() == null || !CODE.matcher(input.code()).matches()) {
			throw ProblemException.invalid("code", "代码为 1 至 20 位字母、数字、“-”或“_”，以字母或数字开头",
					"code must be 1 to 20 letters, digits, '-' or '_', starting with a letter or digit");
		}
		String name = text("name", input.name(), 100, true);
		String nameEn = text("nameEn", input.nameEn(), 200, false);
		return new UnitInput(input.parentId(), input.code(), name, nameEn);
	}

	/** A joint committee names its district and 3 to 4 distinct communities. */
	static JointCommitteeInput jointCommittee(JointCommitteeInput input) {
		Fields.body(input);
		UnitInput unit = unit(new UnitInput(null, input.code(), input.name(), input.nameEn()));
		String district = required("districtId", input.districtId());
		List<String> members = input.communityIds() == null ? List.of() : input.communityIds();
		if (members.size() < 3 || members.size() > 4) {
			throw ProblemException.invalid("communityIds", "联合党委由 3 至 4 个社区组成，所填为 " + members.size() + " 个",
					"a joint committee groups 3 to 4 communities, not " + members.size());
		}
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < members.size(); i++) {
			String id = required("communityIds[" + i + "]", members.get(i));
			if (ids.contains(id)) {
				throw ProblemException.invalid("communityIds[" + i + "]", "社区 " + id + " 重复列出", "community '" + id + "' is listed twice");
			}
			ids.add(id);
		}
		return new JointCommitteeInput(district, unit.code(), unit.name(), unit.nameEn(), List.copyOf(ids));
	}

	static Department department(String id, DepartmentInput input) {
		Fields.body(input);
		UnitInput unit = unit(new UnitInput(null, input.code(), input.name(), input.nameEn()));
		return new Department(id, required("districtId", input.districtId()), unit.code(), unit.name(), unit.nameEn(),
				Boolean.TRUE.equals(input.scores()), Boolean.TRUE.equals(input.vets()));
	}

	/**
	 * Who makes a change, as the archive records it: the name the caller of a service gives (the
	 * REST resources give the logged-in user's), or {@code system} for none.
	 */
	static String actor(String value) {
		String v = text("actor", value, 100, false);
		return v == null ? "system" : v;
	}

	static String required(String field, String value) {
		return Fields.line(field, value, Integer.MAX_VALUE, true);
	}

	static String text(String field, String value, int max, boolean required) {
		return Fields.line(field, value, max, required);
	}
}
