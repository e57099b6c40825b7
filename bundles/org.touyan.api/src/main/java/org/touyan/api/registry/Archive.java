package org.touyan.api.registry;

import org.osgi.annotation.versioning.ProviderType;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;

/** Reads and verifies people's lifetime archives (一人一档); entries are only ever appended. */
@ProviderType
public interface Archive {

	/** A person's entries in order; 404 problem for an unknown person. */
	Page<ArchiveEntry> entries(String personId, Paging paging);

	/** Recomputes the chain and reports the first entry that does not verify. */
	ArchiveVerification verify(String personId);

	/**
	 * Appends an entry on the caller's connection, inside the caller's {@code Store} transaction
	 * (all schemas live in one database), so the entry commits or rolls back with the change it
	 * records. This is how other bundles (training, evaluation…) keep "凡动必备": their write and
	 * its archive entry are one transaction. A sealed archive refuses with a 409 naming the seal;
	 * an unknown person is a 404.
	 *
	 * @param before the state before the change (a record or map, written as JSON), or null
	 * @param after the state after it, or null
	 */
	ArchiveEntry append(java.sql.Connection connection, String personId, String actor, String action, String subject,
			Object before, Object after) throws java.sql.SQLException;
}
