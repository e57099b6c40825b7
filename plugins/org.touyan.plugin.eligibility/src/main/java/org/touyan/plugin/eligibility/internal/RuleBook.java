package org.touyan.plugin.eligibility.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.touyan.api.eligibility.Candidate;
import org.touyan.api.eligibility.FiredRule;
import org.touyan.api.eligibility.Rule;
import org.touyan.api.rest.ProblemException;

/**
 * Rules as data: each line of a rule table is one situation of a few kinds, so a district's list
 * changes by editing the table, not the code that evaluates it.
 */
final class RuleBook {

	enum Kind {
		FLAG, UNTIL, WITHIN_YEARS, NOT_PARTY_MEMBER
	}

	/** One line of the table. */
	record Entry(String id, Kind kind, String fact, int years, String text) {

		Rule rule() {
			return new Rule(id, text, fact);
		}
	}

	private final List<Entry> entries;

	RuleBook(List<Entry> entries) {
		this.entries = List.copyOf(entries);
	}

	/** Reads a tab-separated table (UTF-8; '#' starts a comment line). */
	static RuleBook read(InputStream in) {
		List<Entry> entries = new ArrayList<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int n = 0;
			while ((line = r.readLine()) != null) {
				n++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split("\t");
				if (f.length != 5) {
					throw new IllegalArgumentException("rule table line " + n + " has " + f.length + " columns, not 5");
				}
				Kind kind = Kind.valueOf(f[1]);
				entries.add(new Entry(f[0], kind, "-".equals(f[2]) ? null : f[2],
						kind == Kind.WITHIN_YEARS ? Integer.parseInt(f[3]) : 0, f[4]));
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new RuleBook(entries);
	}

	List<Rule> rules() {
		return entries.stream().map(Entry::rule).toList();
	}

	List<FiredRule> evaluate(Candidate candidate) {
		Map<String, Object> facts = candidate.facts() == null ? Map.of() : candidate.facts();
		LocalDate asOf = candidate.asOf();
		List<FiredRule> fired = new ArrayList<>();
		for (Entry e : entries) {
			String evidence = switch (e.kind()) {
				case FLAG -> flag(e.fact(), facts.get(e.fact())) ? "申报事实 " + e.fact() + " = true" : null;
				case UNTIL -> {
					LocalDate until = date(e.fact(), facts.get(e.fact()));
					yield until != null && !until.isBefore(asOf)
							? "申报事实 " + e.fact() + " = " + until + "，影响期至该日，判定日 " + asOf + " 未满"
							: null;
				}
				case WITHIN_YEARS -> {
					LocalDate on = date(e.fact(), facts.get(e.fact()));
					yield on != null && asOf.isBefore(on.plusYears(e.years()))
							? "申报事实 " + e.fact() + " = " + on + "，至判定日 " + asOf + " 未满 " + e.years() + " 年"
							: null;
				}
				case NOT_PARTY_MEMBER -> {
					LocalDate since = candidate.person().partyMemberSince();
					yield since == null ? "档案中无入党日期（partyMemberSince 为空）"
							: since.isAfter(asOf) ? "档案中入党日期 " + since + " 晚于判定日 " + asOf : null;
				}
			};
			if (evidence != null) {
				fired.add(new FiredRule(e.id(), e.text(), evidence));
			}
		}
		return fired;
	}

	private static boolean flag(String fact, Object value) {
		if (value == null || Boolean.FALSE.equals(value) || "false".equals(value)) {
			return false;
		}
		if (Boolean.TRUE.equals(value) || "true".equals(value)) {
			return true;
		}
		throw ProblemException.invalid("facts." + fact, "fact '" + fact + "' is true or false, not '" + value + "'");
	}

	private static LocalDate date(String fact, Object value) {
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.toString());
		} catch (DateTimeParseException e) {
			throw ProblemException.invalid("facts." + fact, "fact '" + fact + "' is a date like 2027-06-30, not '" + value + "'");
		}
	}
}
