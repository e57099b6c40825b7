package org.touyan.api.store;

/**
 * A database failure that the caller cannot repair: the transaction was rolled back. REST maps it
 * to a 500 problem without the SQL text, which stays in the log.
 */
public class StoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public StoreException(String message, Throwable cause) {
		super(message, cause);
	}
}
