package org.touyan.shell.internal;

import java.util.Locale;

import org.touyan.api.rest.ProblemException;
import org.touyan.api.security.AuditLog;

/**
 * What an operator's change from the shell leaves behind: an entry in the audit log, written as
 * a REST write is (the actor, the operation, its target, ok or failed), with {@value #ACTOR} as
 * the actor. A change that fails is audited and its reason shown in Chinese first.
 */
final class Outcome {

	/** The actor of every change made from the shell; no user may take this login. */
	static final String ACTOR = "shell";

	private final AuditLog audit;

	Outcome(AuditLog audit) {
		this.audit = audit;
	}

	/** A change to make and audit. */
	interface Change {
		/** Makes the change and answers what the operator reads. */
		String run();
	}

	/**
	 * Runs {@code change}, audits it as {@code touyan:<command>} on {@code target}, and answers what
	 * the operator reads: the change's own text, or the reason it failed.
	 */
	String audited(String command, String target, Change change) {
		String text;
		String outcome;
		String detail;
		try {
			text = change.run();
			outcome = "ok";
			detail = null;
		} catch (RuntimeException e) {
			text = "失败 failed: " + reason(e);
			outcome = "failed";
			detail = reasonEn(e);
		}
		try {
			audit.recordNow(ACTOR, "touyan:" + command, target, outcome, detail);
		} catch (RuntimeException e) {
			text += "\n警告：审计日志未能写入 warning: the audit entry was not written: " + e.getMessage();
		}
		return text;
	}

	/** The reason of a failure as the operator reads it: the Chinese detail first. */
	static String reason(RuntimeException e) {
		if (e instanceof ProblemException p) {
			String zh = p.detail();
			String en = p.detail(Locale.ENGLISH);
			return en == null || en.equals(zh) ? zh : zh + " (" + en + ")";
		}
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
	}

	private static String reasonEn(RuntimeException e) {
		if (e instanceof ProblemException p) {
			return p.status() + " " + p.detail(Locale.ENGLISH);
		}
		return reason(e);
	}
}
