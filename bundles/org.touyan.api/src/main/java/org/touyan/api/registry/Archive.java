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
}
