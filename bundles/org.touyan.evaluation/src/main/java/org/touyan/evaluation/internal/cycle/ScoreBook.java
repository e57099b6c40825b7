package org.touyan.evaluation.internal.cycle;

import static org.touyan.api.store.BulkInsert.Type.DECIMAL;
import static org.touyan.api.store.BulkInsert.Type.TIMESTAMP;
import static org.touyan.api.store.BulkInsert.Type.VARCHAR;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.Community;
import org.touyan.api.registry.Department;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.rest.Fields;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.store.BulkInsert;
import org.touyan.api.store.Sql;
import org.touyan.api.store.Store;
import org.touyan.evaluation.internal.cycle.ScoreRecords.Completeness;
import org.touyan.evaluation.internal.cycle.ScoreRecords.Correction;
import org.touyan.evaluation.internal.cycle.ScoreRecords.CorrectionInput;
import org.touyan.evaluation.internal.cycle.ScoreRecords.EntryReport;
import org.touyan.evaluation.internal.cycle.ScoreRecords.RowError;
import org.touyan.evaluation.internal.cycle.ScoreRecords.Score;
import org.touyan.evaluation.internal.cycle.ScoreRecords.ScoreBatch;
import org.touyan.evaluation.internal.cycle.ScoreRecords.ScoreEntry;
import org.touyan.api.rest.Csv;
import org.touyan.api.tabular.Column;
import org.touyan.api.tabular.Table;

/**
 * The departments' scores of a cycle: each scoring department enters its own dimension for the
 * communities of the cycle's district, within the cycle's range, while the cycle is open. An entry
 * is all rows or none; a stored score changes only by a correction with a reason.
 */
@Component(service = ScoreBook.class)
public class ScoreBook {

	private final Store store;
	private final OrgUnits units;
	private final Cycles cycles;

	@Activate
	public ScoreBook(@Reference(target = "(touyan.schema=evaluation)") Store store, @Reference OrgUnits units,
			@Reference Cycles cycles) {
		this.store = store;
		this.units = units;
		this.cycles = cycles;
	}

	/**
	 * Enters a department's scores. Rule faults of the cycle or the department are problems (404,
	 * 409, 400); faults of rows come back in the report with nothing written.
	 */
	public EntryReport enter(String cycleId, ScoreBatch batch, String actor) {
		Cycle cycle = cycles.require(cycleId);
		cycle.status().requireScoring();
		if (batch == null) {
			throw ProblemException.invalid(null, "请求须带 JSON 正文", "A JSON body is required");
		}
		Department department = scoringDepartment(cycle, batch.departmentId());
		if (batch.scores() == null || batch.scores().isEmpty()) {
			throw ProblemException.invalid("scores", "请录入分数：每个社区一项 {communityId, score}", "scores are required: a list of {communityId, score}");
		}
		Map<String, String> streetOf = communities(cycle.districtId());
		List<RowError> errors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		List<ScoreEntry> rows = batch.scores();
		List<Integer> numbers = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			numbers.add(i);
			ScoreEntry row = rows.get(i);
			if (row == null) {
				errors.add(new RowError(i, "scores[" + i + "]", "每项应为 {communityId, score}"));
				continue;
			}
			check(cycle, department, streetOf, seen, i, "scores[" + i + "].", row, errors);
		}
		return write(cycle, department, streetOf, rows, numbers, errors, actor);
	}

	/**
	 * Enters a department's whole column from CSV: a header {@code communityId,score} (an optional
	 * third column {@code dimension}), one community a row.
	 */
	public EntryReport enterCsv(String cycleId, String departmentId, String csv, String actor) {
		return enterRows(cycleId, departmentId, Csv.parse(csv == null ? "" : csv), actor);
	}

	/** The columns of a department's column import, headed by their keys or by their Chinese labels. */
	public static final List<Column> COLUMNS = List.of(Column.of("communityId", "社区ID"), Column.of("score", "得分"),
			Column.of("dimension", "维度"));

	/** {@link #enterCsv} of a table's rows (CSV or xlsx), header first. */
	public EntryReport enterRows(String cycleId, String departmentId, List<List<String>> upload, String actor) {
		Cycle cycle = cycles.require(cycleId);
		cycle.status().requireScoring();
		Department department = scoringDepartment(cycle, departmentId);
		List<List<String>> table = Column.keyed(upload, COLUMNS);
		if (table.isEmpty()) {
			throw ProblemException.invalid(null, "表格为空；表头应为 communityId,score（或 社区ID,得分）",
					"the table is empty; its header is communityId,score");
		}
		List<String> header = table.get(0).stream().map(String::strip).toList();
		int community = header.indexOf("communityId");
		int score = header.indexOf("score");
		int dimension = header.indexOf("dimension");
		if (community < 0 || score < 0) {
			throw ProblemException.invalid(null, "表头应含 communityId 和 score 两列（可加 dimension；或中文列名 社区ID、得分、维度）",
					"the header names the columns communityId and score (and optionally dimension)");
		}
		Map<String, String> streetOf = communities(cycle.districtId());
		List<RowError> errors = new ArrayList<>();
		List<ScoreEntry> rows = new ArrayList<>();
		List<Integer> numbers = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 1; i < table.size(); i++) {
			List<String> cells = table.get(i);
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			int rowNumber = i + 1;
			BigDecimal value;
			try {
				value = new BigDecimal(cell(cells, score));
			} catch (NumberFormatException e) {
				errors.add(new RowError(rowNumber, "score", "“" + cell(cells, score) + "”不是数字"));
				continue;
			}
			ScoreEntry row = new ScoreEntry(cell(cells, community), dimension < 0 ? null : cell(cells, dimension), value);
			rows.add(row);
			numbers.add(rowNumber);
			check(cycle, department, streetOf, seen, rowNumber, "", row, errors);
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			throw ProblemException.invalid(null, "表格只有表头，没有数据行", "the table has a header but no rows");
		}
		return write(cycle, department, streetOf, rows, numbers, errors, actor);
	}

	private static String cell(List<String> cells, int i) {
		return i < cells.size() ? cells.get(i).strip() : "";
	}

	private static void check(Cycle cycle, Department department, Map<String, String> streetOf, Set<String> seen, int row,
			String prefix, ScoreEntry entry, List<RowError> errors) {
		if (entry.communityId() == null || !streetOf.containsKey(entry.communityId())) {
			errors.add(new RowError(row, prefix + "communityId", "本周期所在区没有社区 " + entry.communityId()));
		} else if (!seen.add(entry.communityId())) {
			errors.add(new RowError(row, prefix + "communityId", "社区 " + entry.communityId() + " 重复出现"));
		}
		if (entry.dimension() != null && !entry.dimension().isBlank() && !entry.dimension().strip().equals(department.code())) {
			errors.add(new RowError(row, prefix + "dimension", "各部门只为本部门负责的维度评分：" + department.name()
					+ " 评 " + department.code() + "，不评 " + entry.dimension().strip()));
		}
		if (entry.score() == null) {
			errors.add(new RowError(row, prefix + "score", "请填写分数"));
		} else if (!inRange(cycle, entry.score())) {
			errors.add(new RowError(row, prefix + "score", "本周期分数范围为 " + cycle.scoreMin().stripTrailingZeros().toPlainString() + " 至 "
					+ cycle.scoreMax().stripTrailingZeros().toPlainString() + "，最多两位小数；" + entry.score().toPlainString() + " 不符合"));
		}
	}

	private static boolean inRange(Cycle cycle, BigDecimal score) {
		return score.compareTo(cycle.scoreMin()) >= 0 && score.compareTo(cycle.scoreMax()) <= 0 && score.stripTrailingZeros().scale() <= 2;
	}

	private static String rangeRule(Cycle cycle, BigDecimal score) {
		return "the cycle's scores run from " + cycle.scoreMin().stripTrailingZeros().toPlainString() + " to "
				+ cycle.scoreMax().stripTrailingZeros().toPlainString()
				+ " with at most two decimals; " + score.toPlainString() + " is not one";
	}

	private EntryReport write(Cycle cycle, Department department, Map<String, String> streetOf, List<ScoreEntry> rows,
			List<Integer> numbers, List<RowError> errors, String actor) {
		if (!errors.isEmpty()) {
			return new EntryReport(rows.size(), false, errors);
		}
		return store.write(c -> {
			// the status is read again in the transaction: a cycle closed meanwhile takes no scores
			Cycle now = Cycles.find(c, cycle.id()).orElseThrow(() -> ProblemException.notFound("评价周期", "evaluation cycle", cycle.id()));
			now.status().requireScoring();
			Set<String> scored = new HashSet<>(Sql.query(c, "SELECT community_id FROM eval_score WHERE cycle_id = ? AND department_id = ?",
					rs -> rs.getString(1), cycle.id(), department.id()));
			List<RowError> already = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				if (scored.contains(rows.get(i).communityId())) {
					already.add(new RowError(numbers.get(i), "communityId", department.name() + " 已为社区 "
							+ rows.get(i).communityId() + " 评分；如需修改，请写明理由更正分数"));
				}
			}
			if (!already.isEmpty()) {
				return new EntryReport(rows.size(), false, already);
			}
			java.sql.Timestamp at = Sql.now();
			try (BulkInsert scores = BulkInsert.into(c, "eval_score", BulkInsert.column("cycle_id", VARCHAR),
					BulkInsert.column("community_id", VARCHAR), BulkInsert.column("street_id", VARCHAR),
					BulkInsert.column("department_id", VARCHAR), BulkInsert.column("dimension", VARCHAR),
					BulkInsert.column("score", DECIMAL), BulkInsert.column("actor", VARCHAR), BulkInsert.column("entered_at", TIMESTAMP))) {
				for (ScoreEntry row : rows) {
					scores.add(cycle.id(), row.communityId(), streetOf.get(row.communityId()), department.id(), department.code(),
							row.score(), actor, at);
				}
				scores.flush();
			}
			ScoreCards.enter(c, cycle.id(), department.code(),
					rows.stream().map(r -> new ScoreCards.Entry(r.communityId(), streetOf.get(r.communityId()), r.score())).toList());
			return new EntryReport(rows.size(), true, List.of());
		});
	}

	/** Changes one stored score while the cycle is open; the old and new score and the reason are kept. */
	/** One stored score, or 404. */
	public Score score(String cycleId, String communityId, String departmentId) {
		cycles.require(cycleId);
		return store.read(c -> stored(c, cycleId, communityId, departmentId));
	}

	private static Score stored(java.sql.Connection c, String cycleId, String communityId, String departmentId)
			throws java.sql.SQLException {
		return Sql.one(c, "SELECT " + SCORE_COLUMNS + " FROM eval_score WHERE cycle_id = ? AND community_id = ? AND department_id = ?",
				ScoreBook::score, cycleId, communityId, departmentId)
				.orElseThrow(() -> ProblemException.notFound("该社区该部门的评分", "score of community and department", communityId + "/" + departmentId));
	}

	/**
	 * Corrects one score with a reason, while the cycle is open; {@code ifMatch} names the score as
	 * last read, so a second correction made from the same reading is refused (412), not lost.
	 */
	public Score correct(String cycleId, String communityId, String departmentId, CorrectionInput input, String actor, String ifMatch) {
		Preconditions.required(ifMatch);
		Cycle cycle = cycles.require(cycleId);
		cycle.status().requireScoring();
		if (input == null || input.score() == null) {
			throw Fields.missing("score");
		}
		if (!inRange(cycle, input.score())) {
			throw ProblemException.invalid("score", "本周期分数范围为 " + cycle.scoreMin().stripTrailingZeros().toPlainString() + " 至 "
					+ cycle.scoreMax().stripTrailingZeros().toPlainString() + "，最多两位小数", rangeRule(cycle, input.score()));
		}
		if (input.reason() == null || input.reason().isBlank()) {
			throw ProblemException.invalid("reason", "更正分数须写明理由", "a correction needs a reason");
		}
		if (input.reason().strip().length() > 500) {
			throw ProblemException.invalid("reason", "理由最多 500 字", "reason is at most 500 characters");
		}
		return store.write(c -> {
			Cycle now = Cycles.find(c, cycleId).orElseThrow(() -> ProblemException.notFound("评价周期", "evaluation cycle", cycleId));
			now.status().requireScoring();
			// the row lock first: two corrections then compare one after the other
			Sql.update(c, "UPDATE eval_score SET score = score WHERE cycle_id = ? AND community_id = ? AND department_id = ?", null, null,
					cycleId, communityId, departmentId);
			Score old = stored(c, cycleId, communityId, departmentId);
			Preconditions.check(ifMatch, old);
			java.sql.Timestamp at = Sql.now();
			Sql.update(c, "UPDATE eval_score SET score = ?, actor = ?, entered_at = ? WHERE cycle_id = ? AND community_id = ? AND department_id = ?", null,
					null, input.score(), actor, at, cycleId, communityId, departmentId);
			Sql.update(c, "INSERT INTO eval_score_correction (cycle_id, community_id, department_id, old_score, new_score, reason, actor,"
					+ " corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", null, null, cycleId, communityId, departmentId, old.score(),
					input.score(), input.reason().strip(), actor, at);
			ScoreCards.correct(c, cycleId, communityId, old.dimension(), input.score());
			return new Score(cycleId, communityId, old.streetId(), departmentId, old.dimension(), input.score(), actor, at.toInstant());
		});
	}

	static final String SCORE_COLUMNS = "cycle_id, community_id, street_id, department_id, dimension, score, actor, entered_at";

	public Page<Score> scores(String cycleId, String communityId, String departmentId, Paging paging) {
		return scoresOf(cycleId, communityId == null || communityId.isBlank() ? List.of() : List.of(communityId), departmentId, paging);
	}

	/**
	 * The cycle's scores, of the communities named (all when none is), of one department when
	 * given: a page of a sheet's communities reads its stored scores in one request.
	 */
	public Page<Score> scoresOf(String cycleId, List<String> communityIds, String departmentId, Paging paging) {
		cycles.require(cycleId);
		List<Object> args = new ArrayList<>(List.of(cycleId));
		StringBuilder where = new StringBuilder(" WHERE cycle_id = ?");
		List<String> communities = communityIds == null ? List.of() : communityIds.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
		if (communities.size() > org.touyan.api.rest.RestConstants.MAX_LIMIT) {
			throw ProblemException.invalid("community", "一次最多查询 " + org.touyan.api.rest.RestConstants.MAX_LIMIT + " 个社区", "at most " + org.touyan.api.rest.RestConstants.MAX_LIMIT + " communities at once");
		}
		if (!communities.isEmpty()) {
			where.append(Sql.in("community_id", communities, args));
		}
		if (departmentId != null && !departmentId.isBlank()) {
			where.append(" AND department_id = ?");
			args.add(departmentId);
		}
		return store.read(c -> Sql.page(c, "SELECT " + SCORE_COLUMNS + " FROM eval_score" + where, "community_id, dimension", paging,
				ScoreBook::score, args));
	}

	/**
	 * A department's column of the cycle as a table, in the import's columns first (community,
	 * score, dimension), then the street and who entered each score when: what the department has
	 * entered, to check against its own sheet.
	 */
	public Table column(String cycleId, String departmentId) {
		Cycle cycle = cycles.require(cycleId);
		Department department = scoringDepartment(cycle, departmentId);
		List<Column> columns = new ArrayList<>(COLUMNS);
		columns.addAll(List.of(Column.of("streetId", "街道ID"), Column.of("enteredBy", "录入人"), Column.of("enteredAt", "录入时间")));
		Table table = new Table("scores-" + department.code(), columns);
		store.read(c -> Sql.query(c, "SELECT " + SCORE_COLUMNS + " FROM eval_score WHERE cycle_id = ? AND department_id = ?"
				+ " ORDER BY community_id, dimension", ScoreBook::score, cycleId, departmentId)).forEach(s -> table.row(s.communityId(),
						s.score(), s.dimension(), s.streetId(), s.actor(), s.enteredAt()));
		return table;
	}

	public List<Correction> corrections(String cycleId) {
		cycles.require(cycleId);
		return store.read(c -> Sql.query(c, "SELECT community_id, department_id, old_score, new_score, reason, actor, corrected_at"
				+ " FROM eval_score_correction WHERE cycle_id = ? ORDER BY id", rs -> new Correction(rs.getString(1), rs.getString(2),
						rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()), cycleId));
	}

	/** For each scoring department of the cycle's district: how many of its communities it has scored. */
	public List<Completeness> completeness(String cycleId) {
		Cycle cycle = cycles.require(cycleId);
		int communities = communities(cycle.districtId()).size();
		Map<String, Integer> scored = new HashMap<>();
		store.read(c -> Sql.query(c, "SELECT department_id, COUNT(*) FROM eval_score WHERE cycle_id = ? GROUP BY department_id",
				rs -> scored.put(rs.getString(1), rs.getInt(2)), cycleId));
		List<Completeness> out = new ArrayList<>();
		for (Department d : scoringDepartments(cycle.districtId())) {
			int n = scored.getOrDefault(d.id(), 0);
			out.add(new Completeness(d.id(), d.code(), d.name(), n, communities, n == communities));
		}
		return out;
	}

	private Department scoringDepartment(Cycle cycle, String departmentId) {
		if (departmentId == null || departmentId.isBlank()) {
			throw Fields.missing("departmentId");
		}
		Department d = units.department(departmentId)
				.orElseThrow(() -> ProblemException.invalid("departmentId", "没有这个部门：" + departmentId,
						"No department with id '" + departmentId + "'"));
		if (!d.districtId().equals(cycle.districtId())) {
			throw ProblemException.invalid("departmentId", d.name() + " 不是本周期所在区的部门",
					d.name() + " is not a department of the cycle's district");
		}
		if (!d.scores()) {
			throw ProblemException.invalid("departmentId", d.name() + " 不参与星级评分", d.name() + " does not score the star rating");
		}
		return d;
	}

	private List<Department> scoringDepartments(String districtId) {
		List<Department> all = new ArrayList<>();
		for (int offset = 0;; offset += RestConstants.MAX_LIMIT) {
			Page<Department> page = units.departments(districtId, true, null, Paging.of(offset, RestConstants.MAX_LIMIT));
			all.addAll(page.items());
			if (offset + RestConstants.MAX_LIMIT >= page.total()) {
				return all;
			}
		}
	}

	/** The district's communities, each with its street. */
	private Map<String, String> communities(String districtId) {
		Map<String, String> streetOf = new HashMap<>();
		for (int offset = 0;; offset += RestConstants.MAX_LIMIT) {
			Page<Community> page = units.communities(districtId, null, Paging.of(offset, RestConstants.MAX_LIMIT));
			page.items().forEach(community -> streetOf.put(community.id(), community.streetId()));
			if (offset + RestConstants.MAX_LIMIT >= page.total()) {
				return streetOf;
			}
		}
	}

	static Score score(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Score(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
				rs.getString(7), rs.getTimestamp(8).toInstant());
	}
}
