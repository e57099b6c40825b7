package org.touyan.api.registry;

/** The reference lists a district maintains in versions. */
public enum ReferenceKind {
	/** 7类37项职责清单: the secretary's duties, by category. */
	DUTY_LIST,
	/** 三好三强 selection standard: the three goods and the three strongs. */
	SELECTION_STANDARD
}
