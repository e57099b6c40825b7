package org.touyan.api.registry;

import org.touyan.api.rest.Nullable;

/**
 * The result of checking a person's archive chain: {@code intact} when every entry's hash matches
 * its content and the hash before it, and the last entry is the one the person record points to.
 *
 * @param firstBrokenSeq the first entry that does not verify, or null when intact
 * @param problem what is wrong with it, or null when intact
 */
public record ArchiveVerification(String personId, long entries, boolean intact, @Nullable Long firstBrokenSeq,
		@Nullable String problem) {
}
