package org.touyan.tabular.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.rest.Csv;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.tabular.Format;
import org.touyan.api.tabular.Table;
import org.touyan.api.tabular.Tabular;

/** The platform's {@link Tabular}: CSV through {@link Csv}, xlsx through {@link XlsxReader} and {@link XlsxWriter}. */
@Component
public class TabularService implements Tabular {

	@Override
	public List<List<String>> read(Format format, InputStream in) {
		List<List<String>> rows = format == Format.XLSX ? XlsxReader.read(in) : Csv.parse(utf8(in));
		if (rows.size() > MAX_ROWS + 1) {
			throw Limits.tooManyRows();
		}
		for (List<String> row : rows) {
			if (row.size() > MAX_COLUMNS) {
				throw Limits.tooManyColumns();
			}
		}
		return rows;
	}

	@Override
	public void write(Table table, Format format, OutputStream out) throws IOException {
		if (format == Format.XLSX) {
			XlsxWriter.write(table, out);
			return;
		}
		out.write(table.csv().getBytes(StandardCharsets.UTF_8));
	}

	/** The upload as UTF-8 text; other encodings (Excel's "CSV" in a Chinese locale is GBK) are refused rather than misread. */
	static String utf8(InputStream in) {
		try {
			byte[] bytes = in.readAllBytes();
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			throw ProblemException.invalid(null, "CSV 文件不是 UTF-8 编码；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx",
					"the CSV is not UTF-8; save it as 'CSV UTF-8' or upload the .xlsx");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
