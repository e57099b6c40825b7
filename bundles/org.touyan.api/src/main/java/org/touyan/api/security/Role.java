package org.touyan.api.security;

/**
 * The roles of the platform's users. Each user has exactly one; scoped roles carry their scope on
 * the user (a street, a department or the person the secretary is).
 */
public enum Role {

	/** 组织部管理员: the Organization Department; everything in the district except plugins. */
	DISTRICT_ADMIN("组织部管理员", Scope.Level.DISTRICT),

	/** 街道管理员: one street's communities and people. */
	STREET_ADMIN("街道管理员", Scope.Level.STREET),

	/** 部门评分员: enters one department's dimension of the star-rating scores. */
	DEPARTMENT_SCORER("部门评分员", Scope.Level.DEPARTMENT),

	/** 社区书记: the secretary, for their own record, archive and self-review. */
	SECRETARY("社区书记", Scope.Level.SELF),

	/** 审计员: reads everything, changes nothing, and reads the audit log. */
	AUDITOR("审计员", Scope.Level.DISTRICT),

	/** 插件管理员: installs, stages, promotes, binds and rolls back policy plugins. */
	PLUGIN_ADMIN("插件管理员", Scope.Level.DISTRICT);

	private final String displayName;
	private final Scope.Level level;

	Role(String displayName, Scope.Level level) {
		this.displayName = displayName;
		this.level = level;
	}

	/** The zh-CN name users see. */
	public String displayName() {
		return displayName;
	}

	/** How far the role reaches: a district-wide role is not limited by a target's scope. */
	public Scope.Level level() {
		return level;
	}
}
