package org.touyan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransactionRollbackException;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.PreconditionFailedException;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.store.StoreConflictException;
import org.touyan.api.store.StoreException;

class ProblemMapperTest {

	@Test
	void aProblemKeepsItsStatusDetailAndField() {
		Problem p = ProblemMapper.problemOf(ProblemException.invalid("code", "code is required"));
		assertEquals(new Problem("about:blank", "Invalid request", 400, "code is required", "code"), p);
	}

	@Test
	void aProblemIsAnsweredInTheLanguageTheClientReads() {
		ProblemException missing = org.touyan.api.rest.Fields.missing("name");
		assertEquals("此项必填", ProblemMapper.problemOf(missing, null).detail());
		assertEquals("此项必填", ProblemMapper.problemOf(missing, java.util.Locale.forLanguageTag("zh-CN")).detail());
		assertEquals("name is required", ProblemMapper.problemOf(missing, java.util.Locale.forLanguageTag("en-GB")).detail());
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
		assertTrue(p.detail().contains("事件编号"), p.detail());
		Problem en = ProblemMapper.problemOf(new IllegalStateException("SELECT * FROM secret_table failed"), java.util.Locale.ENGLISH);
		assertTrue(en.detail().contains("incident"), en.detail());
	}

	@Test
	void theAnswerIsProblemJson() {
		Response r = new ProblemMapper().toResponse(new NotFoundException());
		assertEquals(404, r.getStatus());
		assertEquals(ProblemMapper.PROBLEM, r.getMediaType());
	}

	@Test
	void aConflictTheStoreCouldNotResolveIs503WithRetryAfter() {
		Response r = new ProblemMapper().toResponse(new RuntimeException(new StoreConflictException("still conflicted",
				new SQLTransactionRollbackException("transaction rollback: serialization failure", "40001"))));
		assertEquals(503, r.getStatus());
		assertEquals(String.valueOf(ProblemMapper.RETRY_AFTER_SECONDS), String.valueOf(r.getHeaders().getFirst("Retry-After")));
		Problem p = (Problem) r.getEntity();
		assertFalse(p.detail().contains("serialization"));
		assertFalse(p.detail().contains("incident") || p.detail().contains("事件编号"), p.detail());
	}

	/** The incident's own log line names its causes (an operator greps the id), and the stack trace follows. */
	@Test
	void anIncidentLeavesItsCauseInTheLogNextToItsId() {
		PrintStream err = System.err;
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		Problem p;
		try {
			System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
			p = ProblemMapper.problemOf(new StoreException("database failure in schema evaluation: disk full",
					new java.sql.SQLException("data file write failed", "58000")));
		} finally {
			System.setErr(err);
		}
		String incident = p.detail().substring(p.detail().lastIndexOf(' ') + 1);
		String line = log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(incident)).findFirst()
				.orElseThrow(() -> new AssertionError("no log line names incident " + incident + ": " + log));
		assertTrue(line.contains("disk full"), line);
		assertTrue(line.contains("data file write failed"), line);
		assertTrue(log.toString(StandardCharsets.UTF_8).contains("at org.touyan.rest.internal.ProblemMapperTest"), "stack trace logged");
	}
}
