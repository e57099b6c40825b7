package org.touyan.plugins.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Pipeline stage 2: the jar's signature. A jar is kept under its file only when its signature is
 * acceptable: trusted, or unsigned in development mode.
 */
final class SignatureCheck {

	private SignatureCheck() {
	}

	/** Writes {@code jar} to {@code file} when it is acceptable and answers its signer (null when unsigned); refuses otherwise. */
	static String keep(JarVerifier verifier, boolean development, byte[] jar, Path file) {
		Path temporary = file.resolveSibling(file.getFileName() + ".checking");
		try {
			Files.write(temporary, jar);
			JarVerifier.Verdict verdict = verifier.verify(temporary);
			boolean accepted = verdict.outcome() == JarVerifier.Outcome.TRUSTED
					|| (verdict.outcome() == JarVerifier.Outcome.UNSIGNED && development);
			if (!accepted) {
				Files.deleteIfExists(temporary);
				boolean unsigned = verdict.outcome() == JarVerifier.Outcome.UNSIGNED;
				throw new Refusal("被拒绝：" + verdict.reasonZh() + (unsigned ? "（生产模式只接受已签名的插件）" : ""),
						"is refused: " + verdict.reason() + (unsigned ? " (production mode accepts only signed plugins)" : ""));
			}
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			return verdict.signer();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
