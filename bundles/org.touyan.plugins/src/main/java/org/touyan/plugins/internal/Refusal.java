package org.touyan.plugins.internal;

/**
 * Why a stage of the install pipeline refuses a version. The manager turns it into a 422 problem
 * and a REFUSED event, after undoing what the stages before it did.
 */
final class Refusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String zh;

	/**
	 * Why, in Chinese ({@code zh}, what users read) and in English ({@code why}: the message, the
	 * REFUSED event's detail and the detail for a client that asks for English).
	 */
	Refusal(String zh, String why) {
		super(why, null, false, false);
		this.zh = zh;
	}

	/** Why, in Chinese. */
	String zh() {
		return zh;
	}
}
