package org.touyan.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.touyan.api.registry.Filing;
import org.touyan.api.registry.FilingStatus;
import org.touyan.api.registry.FilingStep;
import org.touyan.api.registry.FilingStepDefinition;
import org.touyan.api.registry.Vetting;
import org.touyan.api.registry.VettingInput;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.ProblemException;

/**
 * The rules of the filing procedure, apart from storage so they can be tested alone: which
 * transition is allowed from a filing's current state, and why not when it is refused (409).
 */
final class FilingMachine {

	/** The three steps every district keeps first, as the speech names them. */
	static final List<FilingStepDefinition> FIXED = List.of(
			new FilingStepDefinition("PROPOSAL", "动议酝酿", "Proposal"),
			new FilingStepDefinition("QUALIFICATION", "资格审查", "Qualification review"),
			new FilingStepDefinition("INSPECTION", "组织考察", "Organizational inspection"));

	/** The six steps of a district that has configured none. */
	static final List<FilingStepDefinition> DEFAULT_STEPS = List.of(FIXED.get(0), FIXED.get(1), FIXED.get(2),
			new FilingStepDefinition("DECISION", "集体研究决定", "Collective decision"),
			new FilingStepDefinition("PUBLICITY", "任前公示", "Pre-appointment publicity"),
			new FilingStepDefinition("TALK", "任职谈话", "Appointment talk"));

	static final int STEPS = 6;

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,19}");

	private FilingMachine() {
	}

	/** A district's configuration: six steps with distinct codes, starting with the fixed three. */
	static List<FilingStepDefinition> definitions(List<FilingStepDefinition> steps) {
		if (steps == null || steps.size() != STEPS) {
			throw ProblemException.invalid("steps", "备案流程须为 " + STEPS + " 个步骤",
					"the filing procedure has exactly " + STEPS + " steps");
		}
		List<FilingStepDefinition> valid = new ArrayList<>();
		for (int i = 0; i < STEPS; i++) {
			FilingStepDefinition d = steps.get(i);
			String field = "[" + i + "]";
			if (d == null || d.code() == null || !CODE.matcher(d.code()).matches()) {
				throw ProblemException.invalid(field + ".code", "步骤代码为 1 至 20 位大写字母、数字或“_”，以字母开头",
						"a step code is 1 to 20 capital letters, digits or '_'");
			}
			if (i < FIXED.size() && !FIXED.get(i).code().equals(d.code())) {
				throw ProblemException.invalid(field + ".code", "第 " + (i + 1) + " 步固定为" + FIXED.get(i).name() + "（"
						+ FIXED.get(i).code() + "）", "step " + (i + 1) + " is always " + FIXED.get(i).code()
						+ " (" + FIXED.get(i).name() + ")");
			}
			for (FilingStepDefinition earlier : valid) {
				if (earlier.code().equals(d.code())) {
					throw ProblemException.invalid(field + ".code", "步骤代码 " + d.code() + " 重复",
							"step code " + d.code() + " is used twice");
				}
			}
			valid.add(new FilingStepDefinition(d.code(), Validation.text(field + ".name", d.name(), 100, true),
					Validation.text(field + ".nameEn", d.nameEn(), 200, false)));
		}
		return valid;
	}

	static void requireOpen(Filing f) {
		if (f.status() != FilingStatus.OPEN) {
			throw new ProblemException(409, "Conflict", "备案" + f.status().displayName() + "，不再更改",
					"the filing is " + f.status() + " and no longer changes", null);
		}
	}

	/** Step {@code position} may be done when it is not yet and every earlier step is. */
	static FilingStep step(Filing f, int position) {
		requireOpen(f);
		if (position < 1 || position > f.steps().size()) {
			throw ProblemException.invalid("position", "步骤编号为 1 至 " + f.steps().size(), "steps are numbered 1 to " + f.steps().size());
		}
		FilingStep step = f.steps().get(position - 1);
		if (step.doneAt() != null) {
			throw new ProblemException(409, "Conflict", "第 " + position + " 步（" + step.name() + "）已完成",
					"step " + position + " (" + step.name() + ") is done already", null);
		}
		for (FilingStep earlier : f.steps().subList(0, position - 1)) {
			if (earlier.doneAt() == null) {
				throw new ProblemException(409, "Conflict", "备案步骤须依次完成：第 " + earlier.position() + " 步（" + earlier.name()
						+ "）须在第 " + position + " 步（" + step.name() + "）之前完成", "steps are done in order: step " + earlier.position()
						+ " (" + earlier.name() + ") must be done before step " + position + " (" + step.name() + ")", null);
			}
		}
		return step;
	}

	/** A verdict comes once from each vetting department; a fail says why. */
	static void vetting(Filing f, VettingInput verdict, Set<String> vettingDepartments) {
		requireOpen(f);
		Fields.body(verdict);
		String department = Validation.required("departmentId", verdict.departmentId());
		if (!vettingDepartments.contains(department)) {
			throw ProblemException.invalid("departmentId", "部门 " + department + " 不是本区的联查联审部门",
					"department '" + department + "' is not a vetting department (联查联审) of the district");
		}
		if (verdict.passed() == null) {
			throw ProblemException.invalid("passed", "请选择审查结论：通过或未通过", "passed (true or false) is required");
		}
		if (!verdict.passed() && Validation.text("note", verdict.note(), 500, false) == null) {
			throw ProblemException.invalid("note", "未通过的审查须写明理由", "a failed vetting needs a note saying why");
		}
		for (Vetting v : f.vettings()) {
			if (v.departmentId().equals(department)) {
				throw new ProblemException(409, "Conflict", "部门 " + department + " 已登记审查意见（" + (v.passed() ? "通过" : "未通过") + "）",
						"department '" + department + "' recorded its verdict already (" + (v.passed() ? "passed" : "failed") + ")",
						"departmentId");
			}
		}
	}

	/** District filing needs every step done, every vetting department heard and none failed. */
	static void file(Filing f) {
		requireOpen(f);
		List<String> open = f.steps().stream().filter(s -> s.doneAt() == null).map(s -> s.position() + " " + s.name()).toList();
		if (!open.isEmpty()) {
			throw new ProblemException(409, "Conflict", "区级备案须完成全部步骤，尚未完成：" + open,
					"district filing (区级备案) needs every step done; open: " + open, null);
		}
		if (!f.pendingDepartments().isEmpty()) {
			throw new ProblemException(409, "Conflict", "区级备案须有全部联审部门的意见，尚待：" + f.pendingDepartments(),
					"district filing (区级备案) needs every vetting department's verdict; pending: " + f.pendingDepartments(), null);
		}
		List<String> failed = f.vettings().stream().filter(v -> !v.passed()).map(v -> v.departmentId() + ": " + v.note()).toList();
		if (!failed.isEmpty()) {
			throw new ProblemException(409, "Conflict", "人选未通过联查联审，调整不能生效：" + failed + "；请撤回备案",
					"the candidate failed joint vetting (联查联审), so the change cannot take effect: " + failed + "; withdraw the filing",
					null);
		}
	}
}
