package org.touyan.store.internal;

/** Why a schema could not be migrated; its message is what health and the log report. */
class MigrationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	MigrationException(String message) {
		super(message);
	}

	MigrationException(String message, Throwable cause) {
		super(message, cause);
	}
}
