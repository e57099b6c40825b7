package org.touyan.api.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and writes tables as CSV and xlsx, the one place that does, for every import and export.
 *
 * <p>Exports: CSV as {@link org.touyan.api.rest.Csv} writes it (UTF-8 with a byte order mark, so
 * spreadsheets read the Chinese; the columns' keys as header); xlsx with the columns' Chinese labels as
 * header, a {@link Number} cell as a number and every other cell as a string cell (never a formula),
 * its text neutralised exactly as CSV neutralises it: an apostrophe in front of text a spreadsheet
 * would run ({@link org.touyan.api.rest.Csv#cell}).
 *
 * <p>Imports: the rows of the upload as text, the header first, as {@code Csv.parse} answers them:
 * an exported apostrophe is taken off again, so an export imports as what it holds; of a workbook
 * its first worksheet, read as a stream (never as a whole document), numbers as their plain decimal
 * ({@code 85.5}), dates as {@code 2021-01-10}. A file that is not what it says, a zip bomb, more
 * than {@link #MAX_ROWS} rows or {@link #MAX_COLUMNS} columns, or a workbook without a worksheet
 * is a 4xx problem, and nothing of it is answered.
 */
@ProviderType
public interface Tabular {

	String CSV = "text/csv";
	String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Most data rows an import reads (a national cycle's 120,000 communities with room), the header besides. */
	int MAX_ROWS = 200_000;

	/** Most columns an import reads. */
	int MAX_COLUMNS = 100;

	/** The rows of an upload, header first. */
	List<List<String>> read(Format format, InputStream in);

	/** Writes a table; the stream is left open. */
	void write(Table table, Format format, OutputStream out) throws IOException;

	/**
	 * A JAX-RS answer of a table in the format asked for ({@link Format#negotiate}), streamed, with
	 * its media type and a file name ({@code <table name>.<csv|xlsx>}).
	 */
	default Response answer(Table table, Format format) {
		StreamingOutput body = out -> write(table, format, out);
		String file = table.name() + "." + format.extension();
		String encoded = URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
		String type = format == Format.CSV ? CSV + ";charset=UTF-8" : XLSX;
		return Response.ok(body, type).header(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"" + file.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''" + encoded).build();
	}
}
