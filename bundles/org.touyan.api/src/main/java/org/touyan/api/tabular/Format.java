package org.touyan.api.tabular;

import java.util.Locale;

import org.touyan.api.rest.ProblemException;

/**
 * The two formats of tables: CSV (UTF-8) and the Excel workbook (xlsx). An export is asked for
 * with {@code ?format=csv|xlsx} or by {@code Accept}; an import says what it sends by
 * {@code Content-Type}.
 */
public enum Format {
	CSV(Tabular.CSV, "csv"), XLSX(Tabular.XLSX, "xlsx");

	private final String mediaType;
	private final String extension;

	Format(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return mediaType;
	}

	public String extension() {
		return extension;
	}

	/**
	 * The format of an upload by its {@code Content-Type} (parameters such as {@code charset} are
	 * ignored); any other type is a 415 problem naming the two accepted.
	 */
	public static Format ofContentType(String contentType) {
		String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		for (Format f : values()) {
			if (f.mediaType.equals(type)) {
				return f;
			}
		}
		throw new ProblemException(415, "Unsupported media type", "表格应以 " + Tabular.CSV + "（CSV，UTF-8）或 " + Tabular.XLSX
				+ "（Excel .xlsx）上传，而不是“" + type + "”", "a table is uploaded as " + Tabular.CSV + " or " + Tabular.XLSX
				+ ", not '" + type + "'", null);
	}

	/**
	 * The format of an export: {@code ?format=} when given ({@code csv} or {@code xlsx}, anything
	 * else a 400 on {@code format}), else xlsx when {@code Accept} names the xlsx type and not CSV
	 * before it, else CSV, what every export answered before xlsx existed.
	 */
	public static Format negotiate(String format, String accept) {
		if (format != null && !format.isBlank()) {
			for (Format f : values()) {
				if (f.extension.equalsIgnoreCase(format.strip())) {
					return f;
				}
			}
			throw ProblemException.invalid("format", "format 应为 csv 或 xlsx，而不是“" + format + "”",
					"format is csv or xlsx, not '" + format + "'");
		}
		if (accept == null) {
			return CSV;
		}
		String a = accept.toLowerCase(Locale.ROOT);
		int xlsx = a.indexOf(Tabular.XLSX);
		int csv = a.indexOf(Tabular.CSV);
		return xlsx >= 0 && (csv < 0 || xlsx < csv) ? XLSX : CSV;
	}
}
