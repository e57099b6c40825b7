package org.touyan.store.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Who listens on which channel of a {@link org.touyan.api.store.Cluster}, and the calls to them. */
final class Listeners {

	private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
	/** What PostgreSQL takes as an unquoted identifier, in lower case, so a channel is the same name on both databases. */
	private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
	static final int MAX_PAYLOAD = 1000;

	private final Map<String, List<Consumer<Optional<String>>>> byChannel = new ConcurrentHashMap<>();

	static String channel(String channel) {
		if (channel == null || !CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException("a signal channel is 1 to 63 lower-case letters, digits or underscores: " + channel);
		}
		return channel;
	}

	static String payload(String payload) {
		if (payload == null || payload.length() > MAX_PAYLOAD) {
			throw new IllegalArgumentException("a signal's payload is a string of at most " + MAX_PAYLOAD + " characters");
		}
		return payload;
	}

	/** Adds a listener; true when it is the channel's first. */
	boolean add(String channel, Consumer<Optional<String>> listener) {
		boolean[] first = { false };
		byChannel.computeIfAbsent(channel(channel), k -> {
			first[0] = true;
			return new CopyOnWriteArrayList<>();
		}).add(listener);
		return first[0];
	}

	void remove(String channel, Consumer<Optional<String>> listener) {
		List<Consumer<Optional<String>>> list = byChannel.get(channel);
		if (list != null) {
			list.remove(listener);
		}
	}

	Set<String> channels() {
		return Set.copyOf(byChannel.keySet());
	}

	/** Calls the channel's listeners; one that throws is logged and does not keep the others from their call. */
	void deliver(String channel, Optional<String> payload) {
		for (Consumer<Optional<String>> listener : byChannel.getOrDefault(channel, List.of())) {
			try {
				listener.accept(payload);
			} catch (RuntimeException e) {
				LOG.error("a listener of signal {} failed: {}", channel, e.toString(), e);
			}
		}
	}

	/** Tells every listener that signals may have been missed. */
	void resync() {
		for (String channel : byChannel.keySet()) {
			deliver(channel, Optional.empty());
		}
	}
}
