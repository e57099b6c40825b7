package org.touyan.api.evaluation;

import java.util.List;

/**
 * The four types of secretary in 分类管理, each with the measures that follow from it: model and
 * backbone secretaries run a 书记工作室, write up a 书记工作法 and teach a 书记特色课 (followed by the
 * Organization Department); potential and caretaker secretaries get a named street cadre for
 * one-on-one help.
 */
public enum SecretaryType {
	/** 示范型. */
	MODEL("示范", List.of("书记工作室", "书记工作法", "书记特色课")),
	/** 骨干型. */
	BACKBONE("骨干", List.of("书记工作室", "书记工作法", "书记特色课")),
	/** 潜力型. */
	POTENTIAL("潜力", List.of("街道干部一对一帮带")),
	/** 守摊型. */
	CARETAKER("守摊", List.of("街道干部一对一帮带"));

	private final String displayName;
	private final List<String> measures;

	SecretaryType(String displayName, List<String> measures) {
		this.displayName = displayName;
		this.measures = measures;
	}

	public String displayName() {
		return displayName;
	}

	/** The measures that follow from the type. */
	public List<String> measures() {
		return measures;
	}

	/** Whether the type is helped one-on-one by a named street cadre (potential, caretaker). */
	public boolean helped() {
		return this == POTENTIAL || this == CARETAKER;
	}
}
