package org.touyan.evaluation.internal.cycle;

import org.touyan.api.rest.ProblemException;

/**
 * The life of a half-year evaluation cycle, kept in one place so that every refusal of a
 * transition says the same thing: draft → open → scoring closed → published → archived.
 */
public enum CycleStatus {
	/** Being prepared: nothing is pinned, no scores are taken. */
	DRAFT("草稿"),
	/** Policies pinned; departments enter and correct scores. */
	OPEN("评分中"),
	/** Scores frozen and rated; re-rating is still possible. */
	SCORING_CLOSED("评分结束"),
	/** Results announced; nothing changes any more. */
	PUBLISHED("已公布"),
	/** Kept for the record; the cycle's pin is released. */
	ARCHIVED("已归档");

	private final String displayName;

	CycleStatus(String displayName) {
		this.displayName = displayName;
	}

	public String displayName() {
		return displayName;
	}

	/** The one status a cycle moves to from this one, or null at the end. */
	public CycleStatus next() {
		return this == ARCHIVED ? null : values()[ordinal() + 1];
	}

	/** Checks that a cycle in this status may move to {@code target}; a 409 that says why otherwise. */
	public void requireTransition(CycleStatus target) {
		if (next() != target) {
			throw new ProblemException(409, "Conflict", "评价周期当前为" + displayName + "（" + name() + "），不能变为" + target.displayName
					+ "（" + target.name() + "）：" + (next() == null ? "已归档的周期不再变化" : "下一步是" + next().displayName + "（" + next().name() + "）"),
					"A cycle that is " + name() + " (" + displayName + ") cannot become " + target.name() + " (" + target.displayName + "): "
							+ (next() == null ? "an archived cycle is final" : "the next step is " + next().name() + " (" + next().displayName + ")"),
					null);
		}
	}

	/** Checks that scores may be entered or corrected: only while the cycle is open. */
	public void requireScoring() {
		if (this != OPEN) {
			throw new ProblemException(409, "Conflict", "只有评分中（OPEN）的周期才能录入或更正分数，本周期为" + displayName + "（" + name() + "）",
					"Scores are entered only while the cycle is OPEN; it is " + name() + " (" + displayName + ")", null);
		}
	}
}
