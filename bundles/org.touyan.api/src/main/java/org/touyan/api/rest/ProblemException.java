package org.touyan.api.rest;

/**
 * A client error a resource or service reports, or a 503 when the service cannot serve the
 * request now (too busy, a policy quarantined or restarting); REST answers it as an
 * {@code application/problem+json} body with this status, title and detail. The detail is shown
 * to users: it names the field or rule, never a class or SQL. A problem may carry its detail in
 * both of the platform's languages: Chinese first (what users read), English for a client that asks
 * for it with {@code Accept-Language: en}.
 */
public class ProblemException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;
	private final String title;
	private final String field;
	private final String detailEn;

	public ProblemException(int status, String title, String detail, String field) {
		this(status, title, detail, null, field);
	}

	/** A problem with its detail in Chinese ({@code detail}) and in English ({@code detailEn}). */
	public ProblemException(int status, String title, String detail, String detailEn, String field) {
		super(detail);
		if ((status < 400 || status > 499) && status != 503) {
			throw new IllegalArgumentException("a problem is a client error (4xx) or 503, not " + status);
		}
		this.status = status;
		this.title = title;
		this.field = field;
		this.detailEn = detailEn;
	}

	public ProblemException(int status, String title, String detail) {
		this(status, title, detail, null);
	}

	/** 400: a field of the request is missing or invalid. */
	public static ProblemException invalid(String field, String detail) {
		return new ProblemException(400, "Invalid request", detail, field);
	}

	/** 400 naming a field, its detail in Chinese and in English. */
	public static ProblemException invalid(String field, String detail, String detailEn) {
		return new ProblemException(400, "Invalid request", detail, detailEn, field);
	}

	/**
	 * 404: nothing of that kind with that id (or nothing the caller may see), where only the English
	 * name of the kind is known (a scope kind such as {@code person}).
	 */
	public static ProblemException notFound(String what, String id) {
		return new ProblemException(404, "Not found", "未找到 id 为 '" + id + "' 的记录",
				"No " + what + " with id '" + id + "'", null);
	}

	/** 404: nothing of that kind with that id, the kind named in Chinese ({@code 人员}) and in English ({@code person}). */
	public static ProblemException notFound(String whatZh, String what, String id) {
		return new ProblemException(404, "Not found", "未找到 id 为 '" + id + "' 的" + whatZh,
				"No " + what + " with id '" + id + "'", null);
	}

	/** 409: the request conflicts with the current state. */
	public static ProblemException conflict(String detail) {
		return new ProblemException(409, "Conflict", detail);
	}

	public int status() {
		return status;
	}

	public String title() {
		return title;
	}

	public String detail() {
		return getMessage();
	}

	/**
	 * The detail in the language a client asked for: English when its preferred language is English
	 * and the problem has an English detail, otherwise {@link #detail()}.
	 */
	public String detail(java.util.Locale preferred) {
		return detailEn != null && preferred != null && "en".equals(preferred.getLanguage()) ? detailEn : detail();
	}

	/** The request field at fault, or null when the problem is not about one field. */
	public String field() {
		return field;
	}
}
