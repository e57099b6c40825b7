package org.touyan.api.rest;

import java.net.URI;
import javax.ws.rs.core.Response;

/**
 * The answer to a request that created something: 201 with the created entity and, where it has an
 * address of its own, a {@code Location} below the API's base (the JAX-RS runtime makes it absolute),
 * so a client reads what it made without guessing the path.
 */
public final class Created {

	private Created() {
	}

	/**
	 * 201 with {@code entity} at {@code path}, the path below {@code /api} with each piece after the
	 * first a path segment: {@code at(plan, "training/plans", plan.id())} is
	 * {@code /api/training/plans/<id>}. A segment is percent-encoded, so an id never changes the path.
	 */
	public static Response at(Object entity, String path, String... segments) {
		return Response.created(location(path, segments)).entity(entity).build();
	}

	static URI location(String path, String... segments) {
		StringBuilder b = new StringBuilder(path);
		for (String s : segments) {
			b.append('/').append(encode(s));
		}
		return URI.create(b.toString());
	}

	/** 201 with {@code entity} that has no address of its own (an entry of a list that is read as a whole). */
	public static Response of(Object entity) {
		return Response.status(Response.Status.CREATED).entity(entity).build();
	}

	private static String encode(String segment) {
		StringBuilder b = new StringBuilder();
		for (byte c : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
			int u = c & 0xff;
			if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '.' || u == '_' || u == '~') {
				b.append((char) u);
			} else {
				b.append('%').append(Character.toUpperCase(Character.forDigit(u >> 4, 16))).append(Character.toUpperCase(Character.forDigit(u & 15, 16)));
			}
		}
		return b.toString();
	}
}
