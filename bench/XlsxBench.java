import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.touyan.api.tabular.Column;
import org.touyan.api.tabular.Format;
import org.touyan.api.tabular.Table;
import org.touyan.evaluation.internal.cycle.ScoreBook;
import org.touyan.tabular.internal.TabularService;

/**
 * Table import benchmark: a department's score column of N communities (UUID ids, scores 50–100
 * with one decimal, fixed seed) as the console would upload it, once as xlsx written by the
 * platform's own export and once as CSV, imported side by side by what the platform runs before
 * the database: Tabular.read (the upload spooled, the sheet streamed by POI's event model, or the
 * CSV decoded and parsed), the Chinese header read as keys (ScoreBook.COLUMNS) and every row's
 * score parsed as ScoreBook parses it. The database write after it is the same for both formats
 * (bench/rating.sh measures it: about 8 s a column at 120,000 communities).
 * Time is the median of 5 runs, alternated; peak heap is the most the heap's pools held during the
 * run above what they held after a collection before it (MemoryPoolMXBean peaks, reset per run).
 *
 *   java -cp <classes> bench/XlsxBench.java [communities]     (see bench/xlsx.sh)
 */
public class XlsxBench {

	public static void main(String[] args) throws Exception {
		int n = args.length == 0 ? 120_000 : Integer.parseInt(args[0]);
		System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
				+ Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, Java " + System.getProperty("java.version"));
		TabularService tabular = new TabularService();
		Table column = new Table("scores", ScoreBook.COLUMNS.subList(0, 2));
		Random random = new Random(42);
		for (int i = 0; i < n; i++) {
			column.row(new UUID(random.nextLong(), random.nextLong()).toString(), BigDecimal.valueOf(500 + random.nextInt(501), 1));
		}
		// the export that makes the upload, timed too: the first run (cold) and the median of the next 3
		long[] export = new long[4];
		byte[] xlsx = null;
		for (int i = 0; i < export.length; i++) {
			long t0 = System.nanoTime();
			ByteArrayOutputStream xlsxOut = new ByteArrayOutputStream();
			tabular.write(column, Format.XLSX, xlsxOut);
			export[i] = (System.nanoTime() - t0) / 1_000_000;
			xlsx = xlsxOut.toByteArray();
		}
		long cold = export[0];
		Arrays.sort(export, 1, export.length);
		byte[] csv = column.csv().getBytes(StandardCharsets.UTF_8);
		column = null;
		System.out.printf("%,d communities: xlsx %,d bytes (written by the export in %,d ms cold, %,d ms warm), CSV %,d bytes%n", n,
				xlsx.length, cold, export[2], csv.length);
		int runs = 5;
		long[][] ms = new long[2][runs];
		long[][] peak = new long[2][runs];
		for (int r = -1; r < runs; r++) {
			for (int f = 0; f < 2; f++) {
				long[] m = run(tabular, f == 0 ? Format.XLSX : Format.CSV, f == 0 ? xlsx : csv, n);
				if (r >= 0) {
					ms[f][r] = m[0];
					peak[f][r] = m[1];
				}
			}
		}
		for (long[] a : ms) {
			Arrays.sort(a);
		}
		for (long[] a : peak) {
			Arrays.sort(a);
		}
		System.out.printf("xlsx import: %,6d ms, peak heap %,4d MiB above idle (median of %d; %.1f µs a row)%n", ms[0][runs / 2],
				peak[0][runs / 2] >> 20, runs, ms[0][runs / 2] * 1000.0 / n);
		System.out.printf("CSV import:  %,6d ms, peak heap %,4d MiB above idle (median of %d; %.1f µs a row)%n", ms[1][runs / 2],
				peak[1][runs / 2] >> 20, runs, ms[1][runs / 2] * 1000.0 / n);
		System.out.printf("xlsx / CSV: time %.2f×, peak heap %.2f×%n", (double) ms[0][runs / 2] / ms[1][runs / 2],
				(double) peak[0][runs / 2] / peak[1][runs / 2]);
	}

	/** One import: its time in ms and its peak heap in bytes above the heap after a collection before it. */
	static long[] run(TabularService tabular, Format format, byte[] upload, int n) {
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
		long idle = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long t0 = System.nanoTime();
		List<List<String>> rows = Column.keyed(tabular.read(format, new ByteArrayInputStream(upload)), ScoreBook.COLUMNS);
		int community = rows.get(0).indexOf("communityId");
		int score = rows.get(0).indexOf("score");
		List<BigDecimal> scores = new ArrayList<>(rows.size());
		for (List<String> row : rows.subList(1, rows.size())) {
			if (row.get(community).isBlank()) {
				throw new IllegalStateException("a row without its community");
			}
			scores.add(new BigDecimal(row.get(score).strip()));
		}
		long ms = (System.nanoTime() - t0) / 1_000_000;
		long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - idle;
		if (scores.size() != n) {
			throw new IllegalStateException(format + " read " + scores.size() + " rows, not " + n);
		}
		return new long[] { ms, peak };
	}
}
