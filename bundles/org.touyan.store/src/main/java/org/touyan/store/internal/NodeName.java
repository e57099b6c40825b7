package org.touyan.store.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A node's name: a prefix the cluster finds its nodes by, and a random part no two starts share. */
final class NodeName {

	static final String PREFIX = "touyan-node-";
	private static final SecureRandom RANDOM = new SecureRandom();

	private NodeName() {
	}

	static String fresh() {
		byte[] id = new byte[6];
		RANDOM.nextBytes(id);
		return PREFIX + HexFormat.of().formatHex(id);
	}
}
