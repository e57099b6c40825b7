package org.touyan.api.rest;

/**
 * 412: a write named a version of the resource that is no longer the current one. The problem
 * answer names the current version ({@code currentVersion}, the ETag a GET now answers), so a
 * client can tell a lost race from a wrong tag; it reads the resource again before retrying.
 */
public class PreconditionFailedException extends ProblemException {

	private static final long serialVersionUID = 1L;

	private final String currentVersion;

	public PreconditionFailedException(String currentVersion) {
		super(412, "Precondition failed", "读取后数据已被修改，当前版本为 " + currentVersion + "；请重新读取，在最新数据上再做修改",
				"the resource was changed since it was read: its current version is "
				+ currentVersion + "; read it again, then repeat the change on what it is now", Preconditions.IF_MATCH);
		this.currentVersion = currentVersion;
	}

	/** The current entity tag, quoted as in {@code ETag}. */
	public String currentVersion() {
		return currentVersion;
	}
}
