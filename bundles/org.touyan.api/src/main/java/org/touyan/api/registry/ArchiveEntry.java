package org.touyan.api.registry;

import java.time.Instant;
import java.util.Map;

import org.touyan.api.rest.Nullable;

/**
 * One entry of a person's lifetime archive (一人一档). Entries are numbered from 1 and never
 * change; each carries the hash of the one before, so any later edit of a stored entry breaks the
 * chain.
 *
 * @param action what happened, e.g. {@code person.created}, {@code post.ended}, {@code archive.sealed}
 * @param subject what it happened to: {@code person} or {@code post/<id>}
 * @param before the subject before the change, or null when it was created
 * @param after the subject after the change
 * @param previousHash hex SHA-256 of the entry before (64 zeros for the first)
 * @param hash hex SHA-256 over {@code previousHash} and this entry's canonical content
 */
public record ArchiveEntry(String personId, long seq, Instant at, String actor, String action, @Nullable String subject,
		@Nullable Map<String, Object> before, @Nullable Map<String, Object> after, String previousHash, String hash) {
}
