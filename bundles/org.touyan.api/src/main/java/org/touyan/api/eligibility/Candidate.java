package org.touyan.api.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.touyan.api.registry.Person;
import org.touyan.api.registry.Post;

/**
 * What a rule set judges: the person's record and posts from the registry, the facts declared for
 * this check (e.g. {@code disciplineUntil: "2027-06-30"}, {@code dishonestDebtor: true}), and the
 * date the candidacy is judged on.
 */
public record Candidate(Person person, List<Post> posts, Map<String, Object> facts, LocalDate asOf) {
}
