package org.touyan.registry.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.touyan.api.codes.CodeName;
import org.touyan.api.codes.CodeType;
import org.touyan.api.registry.FilingKind;
import org.touyan.api.registry.FilingStatus;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.ReserveTier;
import org.touyan.api.registry.WorkingGroupRole;
import org.touyan.api.rest.ProblemException;

/**
 * The registry's codes in the platform's catalogue ({@code GET /api/codes}): each enumeration it
 * owns is one {@link CodeType} service, its names given here once.
 */
public final class RegistryCodes {

	static final String POST_KIND = "postKind";
	static final String RESERVE_TIER = "reserveTier";
	static final String WORKING_GROUP_ROLE = "workingGroupRole";
	static final String FILING_KIND = "filingKind";
	static final String FILING_STATUS = "filingStatus";
	static final String GENDER = "gender";
	static final String ARCHIVE_ACTION = "archiveAction";
	static final String MISSION_STATUS = "missionStatus";

	static final Map<String, CodeName> POST_KINDS = CodeType.of(PostKind.class, PostKind::displayName, k -> switch (k) {
		case COMMUNITY_SECRETARY -> "Community Party secretary";
		case COMMITTEE_MEMBER -> "Community committee member";
		case SECRETARY_ASSISTANT -> "Secretary's assistant";
		case FIRST_SECRETARY -> "First secretary";
		case STREET_CADRE -> "Street cadre";
	});

	static final Map<String, CodeName> RESERVE_TIERS = CodeType.of(ReserveTier.class, ReserveTier::displayName, t -> switch (t) {
		case COMMITTEE_RESERVE -> "Committee reserve";
		case SECRETARY_RESERVE -> "Secretary reserve";
	});

	static final Map<String, CodeName> WORKING_GROUP_ROLES = CodeType.of(WorkingGroupRole.class, WorkingGroupRole::displayName,
			r -> switch (r) {
				case LEAD -> "Street Party secretary, leads";
				case ASSIST -> "Street director, assists";
				case KEY_TASKS -> "Political work secretary, key tasks";
				case DRIVE -> "Organization member, drives the work";
				case SUPERVISE -> "Discipline secretary, supervises";
			});

	static final Map<String, CodeName> FILING_KINDS = CodeType.of(FilingKind.class, FilingKind::displayName, k -> switch (k) {
		case APPOINTMENT -> "Appointment";
		case REMOVAL -> "Removal";
	});

	static final Map<String, CodeName> FILING_STATUSES = CodeType.of(FilingStatus.class, FilingStatus::displayName, s -> switch (s) {
		case OPEN -> "Open";
		case FILED -> "Filed";
		case WITHDRAWN -> "Withdrawn";
	});

	static final Map<String, CodeName> GENDERS = names("male", "男", "Male", "female", "女", "Female");

	static final Map<String, CodeName> ARCHIVE_ACTIONS = names(
			"person.created", "建档", "Record created",
			"person.updated", "信息变更", "Record updated",
			"post.started", "任职", "Post taken up",
			"post.recorded", "补录任职经历", "Past post recorded",
			"post.ended", "离任", "Post ended",
			"reserve.entered", "进入储备", "Entered the reserve",
			"reserve.promoted", "晋升为书记后备", "Promoted in the reserve",
			"reserve.left", "退出储备", "Left the reserve",
			"filing.opened", "发起备案", "Filing opened",
			"filing.step", "备案步骤完成", "Filing step completed",
			"filing.vetting", "联查联审意见", "Joint vetting",
			"filing.filed", "区级备案", "Filed",
			"filing.withdrawn", "撤回备案", "Filing withdrawn",
			"eligibility.checked", "资格审查", "Eligibility checked",
			"archive.sealed", "档案封存", "Archive sealed",
			"mission.recorded", "登记驻社帮扶", "First secretary's mission recorded",
			"mission.reported", "提交期满报告", "End-of-term report filed");

	static final Map<String, CodeName> MISSION_STATUSES = CodeType.of(FirstSecretaryMissions.Status.class, s -> switch (s) {
		case SERVING -> "驻社中";
		case REPORT_DUE -> "期满待报告";
		case REPORTED -> "已提交期满报告";
	}, s -> switch (s) {
		case SERVING -> "Serving";
		case REPORT_DUE -> "Report due";
		case REPORTED -> "Reported";
	});

	private RegistryCodes() {
	}

	/** A gender as the API stores it: {@code male}/{@code female}, also given as 男/女; null stays null. */
	static String gender(String given) {
		if (given == null) {
			return null;
		}
		for (Map.Entry<String, CodeName> g : GENDERS.entrySet()) {
			if (g.getKey().equals(given) || g.getValue().zh().equals(given)) {
				return g.getKey();
			}
		}
		throw ProblemException.invalid("gender", "性别应为男或女（male 或 female）", "gender must be male or female (男 or 女)");
	}

	/** Codes given as triples: code, Chinese name, English name. */
	static Map<String, CodeName> names(String... triples) {
		Map<String, CodeName> names = new LinkedHashMap<>();
		for (int i = 0; i < triples.length; i += 3) {
			names.put(triples[i], new CodeName(triples[i + 1], triples[i + 2]));
		}
		return Collections.unmodifiableMap(names);
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
	public static final class PostKinds extends Type {
		public PostKinds() {
			super(POST_KIND, POST_KINDS);
		}
	}

	@Component(service = CodeType.class)
	public static final class ReserveTiers extends Type {
		public ReserveTiers() {
			super(RESERVE_TIER, RESERVE_TIERS);
		}
	}

	@Component(service = CodeType.class)
	public static final class WorkingGroupRoles extends Type {
		public WorkingGroupRoles() {
			super(WORKING_GROUP_ROLE, WORKING_GROUP_ROLES);
		}
	}

	@Component(service = CodeType.class)
	public static final class FilingKinds extends Type {
		public FilingKinds() {
			super(FILING_KIND, FILING_KINDS);
		}
	}

	@Component(service = CodeType.class)
	public static final class FilingStatuses extends Type {
		public FilingStatuses() {
			super(FILING_STATUS, FILING_STATUSES);
		}
	}

	@Component(service = CodeType.class)
	public static final class Genders extends Type {
		public Genders() {
			super(GENDER, GENDERS);
		}
	}

	@Component(service = CodeType.class)
	public static final class ArchiveActions extends Type {
		public ArchiveActions() {
			super(ARCHIVE_ACTION, ARCHIVE_ACTIONS);
		}
	}

	@Component(service = CodeType.class)
	public static final class MissionStatuses extends Type {
		public MissionStatuses() {
			super(MISSION_STATUS, MISSION_STATUSES);
		}
	}
}
