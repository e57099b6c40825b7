package org.touyan.api.store;

/**
 * The database rolled a transaction back because it conflicted with a concurrent one (a
 * serialization failure or deadlock, SQLState class 40), and running it again did not get
 * through either. Nothing of it was written; the same request may succeed a moment later, so REST
 * answers 503 with {@code Retry-After} rather than 500.
 */
public class StoreConflictException extends StoreException {

	private static final long serialVersionUID = 1L;

	public StoreConflictException(String message, Throwable cause) {
		super(message, cause);
	}
}
