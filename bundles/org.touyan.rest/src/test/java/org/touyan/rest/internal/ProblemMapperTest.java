package org.touyan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.PreconditionFailedException;
import org.touyan.api.rest.ProblemException;

class ProblemMapperTest {

	@Test
	void aProblemKeepsItsStatusDetailAndField() {
		Problem p = ProblemMapper.problemOf(ProblemException.invalid("code", "code is required"));
		assertEquals(new Problem("about:blank", "Invalid request", 400, "code is required", "code"), p);
	}

	@Test
	void aStaleWriteNamesTheCurrentVersion() {
		Problem p = ProblemMapper.problemOf(new PreconditionFailedException("\"v2\""));
		assertEquals(412, p.status());
		assertEquals("\"v2\"", p.currentVersion());
		assertEquals("If-Match", p.field());
	}

	@Test
	void aProblemWrappedByTheRuntimeIsFoundInTheCauses() {
		Problem p = ProblemMapper.problemOf(new BadRequestException(new RuntimeException(
				new ProblemException(413, "Payload too large", "too big"))));
		assertEquals(413, p.status());
	}

	@Test
	void runtimeClientErrorsKeepTheirStatusWithAPlainDetail() {
		assertEquals(404, ProblemMapper.problemOf(new NotFoundException()).status());
		assertEquals(415, ProblemMapper.problemOf(new NotSupportedException()).status());
	}

	@Test
	void anythingElseIsA500ThatNamesNoClassAndNoMessage() {
		Problem p = ProblemMapper.problemOf(new IllegalStateException("SELECT * FROM secret_table failed"));
		assertEquals(500, p.status());
		assertFalse(p.detail().contains("secret_table"));
		assertFalse(p.detail().contains("IllegalState"));
		assertTrue(p.detail().contains("incident"));
	}

	@Test
	void theAnswerIsProblemJson() {
		Response r = new ProblemMapper().toResponse(new NotFoundException());
		assertEquals(404, r.getStatus());
		assertEquals(ProblemMapper.PROBLEM, r.getMediaType());
	}
}
