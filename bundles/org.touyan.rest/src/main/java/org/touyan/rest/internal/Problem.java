package org.touyan.rest.internal;

import org.touyan.api.rest.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error answer (RFC 9457), with {@code field} naming the request field at
 * fault when there is one, and {@code currentVersion} the resource's current ETag when a write
 * named an older one (412).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, @Nullable String field, @Nullable String currentVersion) {

	Problem(String type, String title, int status, String detail, String field) {
		this(type, title, status, detail, field, null);
	}

	static Problem of(int status, String title, String detail) {
		return new Problem("about:blank", title, status, detail, null);
	}
}
