package org.touyan.api.codes;

/** A code's display names: Chinese (zh-CN) and English, neither blank. */
public record CodeName(String zh, String en) {

	public CodeName {
		if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
			throw new IllegalArgumentException("a code needs a Chinese and an English name: '" + zh + "', '" + en + "'");
		}
	}
}
