package org.touyan.api.security;

/**
 * The roles of the platform's users. Each user has exactly one; scoped roles carry their scope on
 * the user (a street, a department or the person the secretary is).
 */
public enum Role {

	/**
	 * 组织部管理员: the Organization Department; everything in its own district except plugins. A
	 * district administrator without a district (the first start's, or one from before 1.4) is the
	 * installation's administrator: it reaches every district and creates them.
	 */
	DISTRICT_ADMIN("组织部管理员", Scope.Level.DISTRICT),

	/** 街道管理员: one street's communities and people. */
	STREET_ADMIN("街道管理员", Scope.Level.STREET),

	/** 部门评分员: enters one department's dimension of the star-rating scores. */
	DEPARTMENT_SCORER("部门评分员", Scope.Level.DEPARTMENT),

	/** 社区书记: the secretary, for their own record, archive and self-review. */
	SECRETARY("社区书记", Scope.Level.SELF),

	/** 审计员: reads everything of every district, changes nothing, and reads the installation's one audit log. */
	AUDITOR("审计员", Scope.Level.CITY),

	/** 插件管理员: installs, stages, promotes, binds and rolls back the installation's policy plugins. */
	PLUGIN_ADMIN("插件管理员", Scope.Level.CITY),

	/**
	 * 市级管理员: reads every district (every {@code GET} that needs a login, as the auditor) and manages
	 * the users of every district; changes no district's data (since 1.4).
	 */
	CITY_ADMIN("市级管理员", Scope.Level.CITY);

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

	/** How far the role reaches: a city-wide role is not limited by a target's scope, a district-wide one by its district. */
	public Scope.Level level() {
		return level;
	}
}
