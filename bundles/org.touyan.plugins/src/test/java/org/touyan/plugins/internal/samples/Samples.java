package org.touyan.plugins.internal.samples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Classes the bytecode verifier's tests put into plugin jars: a pure one, as a real formula is
 * written (records, lambdas, string concatenation, switches, streams), and hostile ones, each
 * doing one thing a plugin may not.
 */
public final class Samples {

	private Samples() {
	}

	/** What a real policy does: pure computation on the JDK's data types. */
	public static final class Pure {
		record Score(String dimension, BigDecimal value) {
		}

		enum Level {
			LOW, HIGH
		}

		public String rate(Map<String, BigDecimal> scores) {
			List<Score> list = scores.entrySet().stream().map(e -> new Score(e.getKey(), e.getValue())).toList();
			BigDecimal sum = list.stream().map(Score::value).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal mean = list.isEmpty() ? BigDecimal.ZERO : sum.divide(BigDecimal.valueOf(list.size()), 2, RoundingMode.HALF_UP);
			Level level = mean.compareTo(BigDecimal.valueOf(80)) >= 0 ? Level.HIGH : Level.LOW;
			String word = switch (level) {
			case HIGH -> "高";
			case LOW -> "低";
			};
			Map<String, String> sorted = new TreeMap<>(list.stream().collect(Collectors.toMap(Score::dimension, s -> s.value().toPlainString())));
			try {
				Thread.sleep(0);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			Object o = sorted;
			if (o instanceof Map<?, ?> m && !m.isEmpty()) {
				word += m.size();
			}
			return LocalDate.of(2026, 1, 1) + " " + word + " " + mean + " " + sorted + " " + System.currentTimeMillis() % 1 + level.name()
					+ getClass().getSimpleName() + String.format("%.1f", 1.0) + new StringBuilder("x").reverse();
		}
	}

	public static final class Exits {
		public int rate() {
			System.exit(0);
			return 0;
		}
	}

	public static final class Halts {
		public void rate() {
			Runtime.getRuntime().halt(1);
		}
	}

	public static final class ReadsFiles {
		public boolean rate() {
			return new java.io.File("/etc/passwd").exists();
		}
	}

	public static final class ReadsPaths {
		public long rate() throws java.io.IOException {
			return java.nio.file.Files.size(java.nio.file.Path.of("data"));
		}
	}

	public static final class OpensSockets {
		public void rate() throws java.io.IOException {
			new java.net.Socket("127.0.0.1", 9).close();
		}
	}

	public static final class Reflects {
		public Object rate() throws ReflectiveOperationException {
			java.lang.reflect.Field f = String.class.getDeclaredField("value");
			f.setAccessible(true);
			return f.get("x");
		}
	}

	public static final class LoadsClasses {
		public Object rate() throws ReflectiveOperationException {
			return Class.forName("java.lang.Runtime");
		}
	}

	public static final class StartsThreads {
		public void rate() {
			new Thread(() -> {
			}).start();
		}
	}

	public static final class OwnThread extends Thread {
		@Override
		public void run() {
		}
	}

	public static final class RunsProcesses {
		public void rate() throws java.io.IOException {
			new ProcessBuilder("true").start();
		}
	}

	public static final class UsesJdbc {
		public Object rate() throws java.sql.SQLException {
			return java.sql.DriverManager.getConnection("jdbc:hsqldb:mem:x");
		}
	}

	public static final class ExitsByReference {
		public java.util.function.IntConsumer rate() {
			return System::exit;
		}
	}

	public static final class RunsInParallel {
		public long rate(List<Integer> values) {
			return values.parallelStream().count();
		}
	}

	public static final class UsesTheFramework {
		public Object rate(Object bundle) throws Exception {
			((org.osgi.framework.Bundle) bundle).stop();
			return bundle;
		}
	}

	public static final class Finalizes {
		@Override
		@SuppressWarnings({ "deprecation", "removal" })
		protected void finalize() {
		}
	}
}
