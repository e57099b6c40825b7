package org.touyan.evaluation.internal.flow;

import org.touyan.evaluation.internal.cycle.CycleStatus;
import org.touyan.evaluation.internal.manage.Measures;
import org.touyan.evaluation.internal.review.Reviews;
import org.touyan.evaluation.internal.use.UseRecords;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.codes.CodeName;
import org.touyan.api.codes.CodeType;
import org.touyan.api.evaluation.NegativeConsequence;
import org.touyan.api.evaluation.SecretaryType;

/**
 * Evaluation's codes in the platform's catalogue ({@code GET /api/codes}): the Chinese names are
 * the ones its answers carry ({@code statusName}, {@code kindName}, {@code typeName}, …), the
 * English names are given here once.
 */
public final class EvaluationCodes {

	static final Map<String, CodeName> CYCLE_STATUSES = CodeType.of(CycleStatus.class, CycleStatus::displayName, s -> switch (s) {
		case DRAFT -> "Draft";
		case OPEN -> "Scoring";
		case SCORING_CLOSED -> "Scoring closed";
		case PUBLISHED -> "Published";
		case ARCHIVED -> "Archived";
	});

	static final Map<String, CodeName> REVIEW_KINDS = CodeType.of(Reviews.Kind.class, k -> k.displayName(), k -> switch (k) {
		case SELF -> "Self-review";
		case STREET -> "Street re-review";
		case ORGANIZATION -> "Organization Department's final review";
	});

	static final Map<String, CodeName> MEASURE_KINDS = CodeType.of(Measures.Kind.class, k -> k.displayName(), k -> switch (k) {
		case STUDIO -> "Secretary's studio";
		case METHOD -> "Secretary's working method";
		case COURSE -> "Secretary's signature course";
		case ONE_ON_ONE -> "One-on-one help by a street cadre";
	});

	static final Map<String, CodeName> USE_RECORD_KINDS = CodeType.of(UseRecords.Kind.class, k -> k.displayName(), k -> switch (k) {
		case HONOUR -> "Honour recommended";
		case DELEGATE -> "Candidate for congress or CPPCC";
		case TRAINING -> "Advanced training nomination";
		case RECRUITMENT -> "Recruited into a public-institution post";
	});

	static final Map<String, CodeName> INCIDENT_CONSEQUENCES = CodeType.of(NegativeConsequence.class, NegativeConsequence::displayName,
			c -> switch (c) {
				case RECTIFICATION -> "Criticism and rectification by a deadline";
				case ADJUSTMENT -> "Adjustment out of the post";
			});

	static final Map<String, CodeName> SECRETARY_TYPES = CodeType.of(SecretaryType.class, SecretaryType::displayName, t -> switch (t) {
		case MODEL -> "Model";
		case BACKBONE -> "Backbone";
		case POTENTIAL -> "Potential";
		case CARETAKER -> "Caretaker";
	});

	private EvaluationCodes() {
	}

	private abstract static class Type implements CodeType {
		private final String name;
		private final Map<String, CodeName> codes;

		Type(String name, Map<String, CodeName> codes) {
			this.name = name;
			this.codes = codes;
		}

		@Override
		public String name() {
			return name;
		}

		@Override
		public Map<String, CodeName> codes() {
			return codes;
		}
	}

	@Component(service = CodeType.class)
	public static final class CycleStatuses extends Type {
		public CycleStatuses() {
			super("cycleStatus", CYCLE_STATUSES);
		}
	}

	@Component(service = CodeType.class)
	public static final class ReviewKinds extends Type {
		public ReviewKinds() {
			super("reviewKind", REVIEW_KINDS);
		}
	}

	@Component(service = CodeType.class)
	public static final class MeasureKinds extends Type {
		public MeasureKinds() {
			super("measureKind", MEASURE_KINDS);
		}
	}

	@Component(service = CodeType.class)
	public static final class UseRecordKinds extends Type {
		public UseRecordKinds() {
			super("useRecordKind", USE_RECORD_KINDS);
		}
	}

	@Component(service = CodeType.class)
	public static final class IncidentConsequences extends Type {
		public IncidentConsequences() {
			super("incidentConsequence", INCIDENT_CONSEQUENCES);
		}
	}

	@Component(service = CodeType.class)
	public static final class SecretaryTypes extends Type {
		public SecretaryTypes() {
			super("secretaryType", SECRETARY_TYPES);
		}
	}
}
