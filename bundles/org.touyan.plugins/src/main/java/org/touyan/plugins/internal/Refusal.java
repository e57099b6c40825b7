package org.touyan.plugins.internal;

/**
 * Why a stage of the install pipeline refuses a version. The manager turns it into a 422 problem
 * and a REFUSED event, after undoing what the stages before it did.
 */
final class Refusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	Refusal(String why) {
		super(why, null, false, false);
	}
}
