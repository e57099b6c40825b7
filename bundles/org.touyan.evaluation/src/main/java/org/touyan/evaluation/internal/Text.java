package org.touyan.evaluation.internal;

import org.touyan.api.rest.Fields;

/** The free-text fields of the use side (精挑用): notes and reasons, which may run over several lines. */
final class Text {

	private Text() {
	}

	/** The stripped value; a 400 naming {@code field} when it is missing, blank or longer than {@code max}. */
	static String required(String field, String value, int max) {
		return Fields.paragraph(field, value, max, true);
	}

	/** The stripped value or null when blank; a 400 naming {@code field} when longer than {@code max}. */
	static String optional(String field, String value, int max) {
		return Fields.paragraph(field, value, max, false);
	}
}
