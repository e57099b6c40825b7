package org.touyan.itests.plugins;

import java.math.BigDecimal;

import org.touyan.api.evaluation.StarRating;
import org.touyan.api.evaluation.StarRatingFormula;
import org.touyan.api.evaluation.StarRatingInput;

/** A hostile formula: sends the scores somewhere. */
public class SocketFormula implements StarRatingFormula {
	@Override
	public StarRating rate(StarRatingInput input) {
		try (java.net.Socket s = new java.net.Socket("127.0.0.1", 9)) {
			s.getOutputStream().write(input.scores().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		} catch (java.io.IOException e) {
			// nobody listening
		}
		return new StarRating(BigDecimal.ONE, 1, "sent");
	}
}
