import static org.touyan.api.store.BulkInsert.column;
import static org.touyan.api.store.BulkInsert.Type.DECIMAL;
import static org.touyan.api.store.BulkInsert.Type.TIMESTAMP;
import static org.touyan.api.store.BulkInsert.Type.VARCHAR;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.policy.Policies;
import org.touyan.api.policy.PolicyFailureException;
import org.touyan.api.policy.Provenance;
import org.touyan.api.registry.Archive;
import org.touyan.api.registry.People;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.store.BulkInsert;
import org.touyan.api.store.Store;
import org.touyan.evaluation.internal.cycle.Cycle;
import org.touyan.evaluation.internal.cycle.CycleStatus;
import org.touyan.evaluation.internal.cycle.RatingRun;
import org.touyan.evaluation.internal.cycle.RatingRuns;
import org.touyan.evaluation.internal.cycle.ScoreCards;
import org.touyan.plugin.star.district.DistrictDefaultFormula;

/**
 * Star-rating benchmark: a generated district of N communities (15 a street) × 11 department
 * scores, rated for one cycle and stored, by the platform's own rating code (RatingRuns) on an
 * HSQLDB file database opened as the platform opens it (CACHED tables, MVCC, fsync on commit,
 * memory-mapped data file, row cache of an eighth of the heap) with every migration of the evaluation schema, with the district
 * default formula plugin's class called through a stand-in for the plugin manager that hands every
 * policy call to a contained thread under a time limit, as the manager does. The scores lie as the
 * platform stores them: UUIDs for ids, and each department's column entered in one transaction
 * together with the communities' score cards, which the rating reads.
 * Generating the scores is not timed; rating and storing is (median of 3 runs).
 *
 * <p>With {@code TOUYAN_BENCH_PG_URL} set (bench/rating.sh starts a PostgreSQL server of its own
 * and sets it) each size runs on PostgreSQL too, right after HSQLDB: a new database per run with
 * the evaluation schema's PostgreSQL migrations, and, where HSQLDB's checkpoint falls, PostgreSQL's
 * own equivalent of what happens between entering scores and rating them on a platform
 * (autovacuum's ANALYZE of the new rows, a checkpoint).
 *
 *   java -cp <classes> bench/RatingBench.java [sizes…]     (see bench/rating.sh)
 */
public class RatingBench {

	static final String[] DEPARTMENTS = { "JWJW", "ZFW", "XCB", "MZJ", "GAFJ", "SFJ", "XFJ", "WJW", "YJJ", "ZJJ", "CGJ" };
	static final int PER_STREET = 15;

	public static void main(String[] args) throws Exception {
		int[] sizes = args.length == 0 ? new int[] { 12_000, 60_000, 120_000 }
				: java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
		System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
				+ Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, Java " + System.getProperty("java.version"));
		System.out.printf("one contained policy call (hand-off to a thread and back): %.1f µs%n", handOffMicros());
		String pg = System.getenv("TOUYAN_BENCH_PG_URL");
		List<Boolean> databases = pg == null || pg.isBlank() ? List.of(false) : List.of(false, true);
		for (int n : sizes) {
			for (boolean postgres : databases) {
				long[] ms = new long[3];
				enterNanos = 0;
				cardNanos = 0;
				for (int i = 0; i < ms.length; i++) {
					ms[i] = postgres ? runPostgres(n, pg) : run(n);
				}
				java.util.Arrays.sort(ms);
				System.out.printf("%-10s %,8d communities × 11 scores: rated and stored in %,6d ms (median of 3; %.1f µs a community)%n",
						postgres ? "PostgreSQL" : "HSQLDB", n, ms[1], ms[1] * 1000.0 / n);
				System.out.printf("%19s entering the 11 columns (not timed above): %,6d ms, of which the score cards %,6d ms (mean of 3)%n", "",
						enterNanos / 3_000_000, cardNanos / 3_000_000);
			}
		}
		CALLS.shutdownNow();
	}

	static final ThreadPoolExecutor CALLS = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<>());

	/** What the plugin manager does per call: a hand-off to a policy thread and a bounded wait. */
	static final Policies POLICIES = new Policies() {
		final StarRatingFormula formula = new DistrictDefaultFormula();
		final Provenance provenance = new Provenance("org.touyan.plugin.star.district", "1.0.0", "district-default", 1);

		@Override
		public <S, R> Result<R> apply(Class<S> spi, Scope scope, Call<S, R> call) {
			return apply(spi, scope, null, call);
		}

		@Override
		public <S, R> Result<R> apply(Class<S> spi, Scope scope, String pin, Call<S, R> call) {
			Future<R> future = CALLS.submit(() -> call.call(spi.cast(formula), Map.of()));
			try {
				return new Result<>(future.get(2000, TimeUnit.MILLISECONDS), provenance);
			} catch (TimeoutException e) {
				future.cancel(true);
				throw new PolicyFailureException(provenance, "did not answer within 2000 ms");
			} catch (ExecutionException | InterruptedException e) {
				throw new PolicyFailureException(provenance, "failed", e);
			}
		}

		@Override
		public void pin(String key) {
		}

		@Override
		public void release(String key) {
		}

		@Override
		public <S, R> Comparison<R> compare(Class<S> spi, String bsn, String policyId, java.util.Map<String, String> parameters, Call<S, R> call) {
			// what-if runs against real plugin versions: it is tested in the itests
			throw new UnsupportedOperationException("no staged versions here");
		}
	};

	static double handOffMicros() {
		int n = 20_000;
		for (int warm = 0; warm < 2; warm++) {
			long start = System.nanoTime();
			for (int i = 0; i < n; i++) {
				POLICIES.apply(StarRatingFormula.class, Policies.Scope.platform(), (f, p) -> null);
			}
			if (warm == 1) {
				return (System.nanoTime() - start) / 1000.0 / n;
			}
		}
		throw new IllegalStateException();
	}

	static String uuid(Random random) {
		return new java.util.UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
	}

	/** Not part of the figure: what entering the scores took, and of that the score cards' part. */
	static long enterNanos;
	static long cardNanos;

	/** A connection to the benchmark's database. */
	interface Connect {
		Connection get() throws SQLException;
	}

	/** Every migration of the evaluation schema, in order, as the store applies them: the dialect's own script in place of a shared one. */
	static void migrate(Statement s, String dialect) throws Exception {
		Path shared = Path.of("bundles/org.touyan.evaluation/src/main/resources/db/evaluation");
		java.util.Map<Integer, Path> scripts = new java.util.TreeMap<>();
		for (Path dir : dialect == null ? List.of(shared) : List.of(shared, shared.resolve(dialect))) {
			if (!Files.isDirectory(dir)) {
				continue;
			}
			try (var files = Files.list(dir)) {
				for (Path f : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).toList()) {
					scripts.put(Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1")), f);
				}
			}
		}
		for (Path script : scripts.values()) {
			for (String statement : Files.readString(script).split(";\\s*\\n")) {
				String st = statement.replaceAll("(?m)^--.*$", "");
				if (!st.isBlank()) {
					s.execute(st);
				}
			}
		}
	}

	/** The same run on a new PostgreSQL database of the server {@code server} names, dropped afterwards. */
	static long runPostgres(int communities, String server) throws Exception {
		String name = "touyan_bench_" + java.util.UUID.randomUUID().toString().replace("-", "");
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?").matcher(server);
		if (!m.matches()) {
			throw new IllegalArgumentException("TOUYAN_BENCH_PG_URL is not jdbc:postgresql://host:port/database[?…]");
		}
		// as the store's pool connects: a savepoint before each statement (PostgresDatabase)
		String url = m.group(1) + name + (m.group(3) == null ? "?" : m.group(3) + "&") + "autosave=always";
		try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name);
		}
		try {
			try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
				migrate(s, "postgresql");
			}
			return rate(communities, () -> DriverManager.getConnection(url), s -> {
				// on a platform autovacuum analyses the new rows and a checkpoint writes them out long before scoring closes
				s.execute("VACUUM ANALYZE");
				s.execute("CHECKPOINT");
			});
		} finally {
			try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
				s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
	}

	/** What runs between entering the scores and rating them (not timed). */
	interface Settle {
		void run(Statement s) throws SQLException;
	}

	static long run(int communities) throws Exception {
		Path dir = Files.createTempDirectory("touyan-rating-bench");
		// as the store opens it, with its default row cache of an eighth of the heap
		long cacheMb = Runtime.getRuntime().maxMemory() / 8 / (1 << 20);
		String url = "jdbc:hsqldb:file:" + dir.resolve("touyan") + ";hsqldb.write_delay=false;hsqldb.nio_max_size=16384"
				+ ";hsqldb.cache_size=" + cacheMb * 1024 + ";hsqldb.cache_rows=" + cacheMb * (1 << 20) / 400;
		try {
			try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement s = c.createStatement()) {
				s.execute("SET FILES WRITE DELAY FALSE");
				s.execute("SET DATABASE TRANSACTION CONTROL MVCC");
				s.execute("SET DATABASE DEFAULT TABLE TYPE CACHED");
				s.execute("SET FILES NIO SIZE 16384");
				migrate(s, null);
			}
			// Entering 1.32 million scores leaves a checkpoint due (HSQLDB writes its cache to the data file
			// once the log passes 50 MB), and it would run at the next commit: the rating's first read.
			// On the platform it falls among the departments' entries, long before scoring closes.
			long ms = rate(communities, () -> DriverManager.getConnection(url, "SA", ""), s -> s.execute("CHECKPOINT"));
			try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement s = c.createStatement()) {
				s.execute("SHUTDOWN");
			}
			return ms;
		} finally {
			try (var files = Files.walk(dir)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
	}

	/** Enters the generated scores (not timed), settles, then rates and stores them (timed). */
	static long rate(int communities, Connect connect, Settle settle) throws Exception {
		{
			Store store = new Store() {
				@Override
				public <T> T write(SqlWork<T> work) {
					try (Connection c = connect.get()) {
						c.setAutoCommit(false);
						T t = work.run(c);
						c.commit();
						return t;
					} catch (SQLException e) {
						throw new IllegalStateException(e);
					}
				}

				@Override
				public <T> T read(SqlWork<T> work) {
					return write(work);
				}
			};
			Timestamp now = Timestamp.from(Instant.now());
			Cycle cycle = new Cycle("bench-cycle", "bench-district", "2026-H1", "BENCH-2026-H1", CycleStatus.SCORING_CLOSED, "",
					BigDecimal.ZERO, BigDecimal.valueOf(100), now.toInstant(), now.toInstant());
			store.write(c -> {
				try (PreparedStatement ps = c.prepareStatement("INSERT INTO eval_cycle (id, district_id, period, pin_key, status,"
						+ " score_min, score_max, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
					Object[] v = { cycle.id(), cycle.districtId(), cycle.period(), cycle.pinKey(), cycle.status().name(), cycle.scoreMin(),
							cycle.scoreMax(), now, now };
					for (int i = 0; i < v.length; i++) {
						ps.setObject(i + 1, v[i]);
					}
					ps.executeUpdate();
				}
				return null;
			});
			// Ids are UUIDs as the registry makes them, and each department enters its whole column in one
			// transaction as ScoreBook does, so the rows lie on disk department after department.
			Random random = new Random(communities);
			String[] community = new String[communities];
			String[] street = new String[communities];
			for (int k = 0; k < communities; k++) {
				street[k] = k % PER_STREET == 0 ? uuid(random) : street[k - 1];
				community[k] = uuid(random);
			}
			long entering = System.nanoTime();
			for (String d : DEPARTMENTS) {
				String department = uuid(random);
				store.write(c -> {
					List<ScoreCards.Entry> entries = new ArrayList<>(communities);
					// as ScoreBook enters them
					try (BulkInsert scores = BulkInsert.into(c, "eval_score", column("cycle_id", VARCHAR), column("community_id", VARCHAR),
							column("street_id", VARCHAR), column("department_id", VARCHAR), column("dimension", VARCHAR),
							column("score", DECIMAL), column("actor", VARCHAR), column("entered_at", TIMESTAMP))) {
						for (int k = 0; k < communities; k++) {
							BigDecimal score = BigDecimal.valueOf(5000 + random.nextInt(5001), 2);
							scores.add(cycle.id(), community[k], street[k], department, d, score, "bench", now);
							entries.add(new ScoreCards.Entry(community[k], street[k], score));
						}
						scores.flush();
					}
					// the score cards, by the platform's own code, as ScoreBook keeps them
					long cards = System.nanoTime();
					ScoreCards.enter(c, cycle.id(), d, entries);
					cardNanos += System.nanoTime() - cards;
					return null;
				});
			}
			enterNanos += System.nanoTime() - entering;
			try (Connection c = connect.get(); Statement s = c.createStatement()) {
				settle.run(s);
			}
			People people = (People) Proxy.newProxyInstance(RatingBench.class.getClassLoader(), new Class<?>[] { People.class },
					(p, m, a) -> new Page<>(List.of(), 0, ((Paging) a[4]).offset(), ((Paging) a[4]).limit()));
			Archive archive = (Archive) Proxy.newProxyInstance(RatingBench.class.getClassLoader(), new Class<?>[] { Archive.class },
					(p, m, a) -> {
						throw new UnsupportedOperationException("a generated district has no secretaries");
					});
			RatingRuns ratings = new RatingRuns(store, POLICIES, people, archive);
			System.gc();
			long start = System.nanoTime();
			RatingRun run = ratings.rate(cycle, "bench", "bench");
			long ms = (System.nanoTime() - start) / 1_000_000;
			long stored = store.read(c -> {
				try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM eval_rating WHERE stars IS NOT NULL")) {
					rs.next();
					return rs.getLong(1);
				}
			});
			if (run.rated() != communities || stored != communities) {
				throw new IllegalStateException("rated " + run.rated() + ", stored " + stored + " of " + communities);
			}
			return ms;
		}
	}
}
