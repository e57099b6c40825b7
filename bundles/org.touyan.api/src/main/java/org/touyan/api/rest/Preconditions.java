package org.touyan.api.rest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.ws.rs.core.Response;

/**
 * Optimistic concurrency for single resources (RFC 9110 conditional requests): a resource's GET
 * answers the strong {@code ETag} of its representation, and every write of that resource (PUT,
 * DELETE, a state transition) must send it back as {@code If-Match}. A write without one is refused
 * with 428, a write naming an older version with 412 naming the current one, and nothing is written
 * either way.
 *
 * <p>The tag is a keyed hash (HMAC-SHA256, a key drawn at start) of the representation's canonical
 * encoding: it changes with every change of what a GET shows, including changes made through
 * sub-resources, and stays the same while nothing changes. The key keeps a masked field (an ID
 * number has few possible values) from being guessed back from the tag; the price is that tags
 * change when the platform restarts, and a client then reads again once.
 *
 * <p>The comparison must run inside the write's own transaction, after the resource's row is
 * locked, on the representation as read there: {@link #check} is called by the service that
 * writes, never by the resource before it, so two writers can never both pass it.
 */
public final class Preconditions {

	public static final String IF_MATCH = "If-Match";
	public static final String ETAG = "ETag";

	private static final byte[] KEY = new byte[32];

	static {
		new SecureRandom().nextBytes(KEY);
	}

	/** A Mac per thread: looking one up and keying it cost a tenth of a single-resource GET. */
	private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
			return mac;
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("every Java platform has HmacSHA256", e);
		}
	});

	private Preconditions() {
	}

	/** The strong entity tag of a representation, quoted as it travels: {@code "…"}. */
	public static String tag(Object representation) {
		StringBuilder canonical = new StringBuilder();
		encode(canonical, representation);
		byte[] digest = MAC.get().doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8));
		return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)) + '"';
	}

	/** 200 with the representation and its {@code ETag}: what a single resource's GET answers. */
	public static Response ok(Object representation) {
		return ok(representation, representation);
	}

	/**
	 * 200 with {@code entity} and the {@code ETag} of {@code stored}, the part of it that writes
	 * change (and that they compare), when the rest is computed at each read.
	 */
	public static Response ok(Object entity, Object stored) {
		return Response.ok(entity).header(ETAG, tag(stored)).build();
	}

	/**
	 * The {@code If-Match} a write must carry, as sent: 428 when there is none, or when it is
	 * {@code *}, which names no version and so would not stop a lost update.
	 */
	public static String required(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new ProblemException(428, "Precondition required", "此项修改须带 If-Match，填入最近一次读取时的 ETag（先 GET，再回传其 ETag），"
					+ "以免覆盖他人在此期间所做的修改", "this write needs If-Match with the ETag of the"
					+ " resource as last read (GET it, then send its ETag back), so it cannot overwrite a change made meanwhile",
					IF_MATCH);
		}
		if (ifMatch.strip().equals("*")) {
			throw new ProblemException(428, "Precondition required", "If-Match 须写明所读取的版本（其 ETag）；"
					+ "* 会覆盖他人在此期间所做的任何修改", "If-Match must name the version read (its ETag);"
					+ " * would overwrite any change made meanwhile", IF_MATCH);
		}
		return ifMatch;
	}

	/**
	 * Compares {@code ifMatch} with the current representation, read in the write's transaction after
	 * its row is locked: 428 when missing, 412 naming the current version when it names another.
	 */
	public static void check(String ifMatch, Object current) {
		String tag = tag(current);
		if (!matches(required(ifMatch), tag)) {
			throw new PreconditionFailedException(tag);
		}
	}

	/** Strong comparison against a list of entity tags; a weak tag ({@code W/"…"}) never matches. */
	static boolean matches(String ifMatch, String tag) {
		for (String candidate : tags(ifMatch)) {
			if (candidate.equals(tag)) {
				return true;
			}
		}
		return false;
	}

	/** The entity tags of a header value: quoted strings separated by commas (a comma may sit inside quotes). */
	static List<String> tags(String header) {
		List<String> tags = new ArrayList<>();
		int i = 0;
		while (i < header.length()) {
			char ch = header.charAt(i);
			if (ch == '"') {
				int end = header.indexOf('"', i + 1);
				if (end < 0) {
					break;
				}
				tags.add(header.substring(i, end + 1));
				i = end + 1;
			} else if (ch == 'W' && header.startsWith("W/\"", i)) {
				int end = header.indexOf('"', i + 3);
				i = end < 0 ? header.length() : end + 1;
			} else {
				i++;
			}
		}
		return tags;
	}

	/**
	 * An unambiguous encoding of a representation: every value carries its kind and, for text, its
	 * length, so no text can move between fields without changing the encoding. Records are encoded
	 * component by component, maps by sorted key, collections in order.
	 */
	static void encode(StringBuilder out, Object value) {
		if (value == null) {
			out.append('n');
		} else if (value instanceof Optional<?> o) {
			encode(out, o.orElse(null));
		} else if (value instanceof Record) {
			RecordComponent[] components = COMPONENTS.get(value.getClass());
			text(out.append('r'), value.getClass().getName());
			out.append(components.length).append('{');
			for (RecordComponent rc : components) {
				text(out, rc.getName());
				encode(out, component(value, rc.getAccessor()));
			}
			out.append('}');
		} else if (value instanceof Map<?, ?> m) {
			Map<String, Object> sorted = new TreeMap<>();
			m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
			out.append('m').append(sorted.size()).append('{');
			sorted.forEach((k, v) -> {
				text(out, k);
				encode(out, v);
			});
			out.append('}');
		} else if (value instanceof Collection<?> c) {
			out.append('l').append(c.size()).append('[');
			c.forEach(e -> encode(out, e));
			out.append(']');
		} else if (value instanceof Object[] a) {
			encode(out, List.of(a));
		} else {
			// text, numbers, booleans, enums, dates: their own text, which Jackson writes too
			text(out.append(value instanceof CharSequence ? 's' : 'v'), value.toString());
		}
	}

	private static void text(StringBuilder out, String s) {
		out.append(s.length()).append(':').append(s);
	}

	/**
	 * A record class's components, looked up once per class (the lookup copies them each time), their
	 * accessors made accessible: a record of an implementation package is not exported but is still
	 * the representation.
	 */
	private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
		@Override
		protected RecordComponent[] computeValue(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			for (RecordComponent rc : components) {
				rc.getAccessor().setAccessible(true);
			}
			return components;
		}
	};

	private static Object component(Object record, Method accessor) {
		try {
			return accessor.invoke(record);
		} catch (IllegalAccessException | InvocationTargetException e) {
			throw new IllegalStateException("cannot read " + accessor.getName() + " of " + record.getClass().getName(), e);
		}
	}
}
