package org.touyan.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.ProblemException;
import org.touyan.training.internal.Exchange.EventInput;
import org.touyan.training.internal.Exchange.Placement;
import org.touyan.training.internal.Exchange.PlacementInput;
import org.touyan.training.internal.Exchange.ReportInput;
import org.touyan.training.internal.Fakes.FakeArchive;
import org.touyan.training.internal.Fakes.FakeDirectory;

class ExchangeTest {

	private static final LocalDate PAST = LocalDate.now().minusDays(10);

	private MemoryStore store;
	private Exchange exchange;

	@BeforeEach
	void setUp() throws Exception {
		store = new MemoryStore("V1__training.sql", "V2__session_report.sql", "V3__plan_formats.sql");
		FakeDirectory directory = new FakeDirectory().secretary("p1", "s1", LocalDate.of(1980, 1, 1), 3)
				.secretary("p2", "s1", LocalDate.of(1985, 1, 1), 2);
		exchange = new Exchange(store, directory, new FakeArchive());
	}

	private EventInput event(String kind, String theme, LocalDate date, String record) {
		return new EventInput("d1", kind, theme, "活动", date, "党群服务中心", List.of("p1"), List.of("p2"), record);
	}

	@Test
	void anActivityHasOneOfTheFourThemesAndAForumOrSalonNone() {
		assertEquals("theme", assertThrows(ProblemException.class, () -> exchange.createEvent(event("ACTIVITY", null, PAST, null), "t")).field());
		assertEquals("theme", assertThrows(ProblemException.class, () -> exchange.createEvent(event("FORUM", "社区治理我来讲", PAST, null), "t"))
				.field());
		assertEquals("theme", assertThrows(ProblemException.class, () -> exchange.createEvent(event("ACTIVITY", "随便聊聊", PAST, null), "t"))
				.field());
		var e = exchange.createEvent(event("ACTIVITY", "社区治理我来讲", PAST, "经验分享"), "t");
		assertEquals(List.of("p1", "p2"), e.participantIds());
		assertEquals(List.of("p2"), e.speakerIds());
		assertEquals(List.of("p1 exchange.participation", "p2 exchange.participation"), Fakes.archived(store).stream().sorted().toList());
	}

	@Test
	void onlyEventsThatTookPlaceCountAsHeldAndHaveARecord() {
		exchange.createEvent(event("FORUM", null, PAST, "交流"), "t");
		exchange.createEvent(event("SALON", null, PAST, null), "t");
		var coming = exchange.createEvent(event("FORUM", null, LocalDate.now().plusDays(5), null), "t");
		assertEquals("record", assertThrows(ProblemException.class,
				() -> exchange.record(coming.id(), new Exchange.RecordInput("提前写好"), Preconditions.tag(exchange.event(coming.id())))).field());
		var held = exchange.held("d1", null);
		assertEquals(1L, held.get("FORUM"));
		assertEquals(1L, held.get("SALON"));
		assertEquals(2L, held.get("total"));
		assertEquals(3, exchange.events("d1", null, null, Paging.of(0, 50)).total());
	}

	@Test
	void aSecretaryIsPlacedOnceAYearAndReportsOnReturn() {
		LocalDate start = PAST.minusDays(20);
		Placement p = exchange.place(new PlacementInput("d1", "p1", "上海市", "塘桥街道", start, start.plusDays(27)), "t");
		assertEquals(409, assertThrows(ProblemException.class, () -> exchange.place(new PlacementInput("d1", "p1", "厦门市", "嘉莲街道",
				start.plusDays(1), start.plusDays(20)), "t")).status());
		assertEquals("endDate", assertThrows(ProblemException.class, () -> exchange.place(new PlacementInput("d1", "p2", "厦门市", "嘉莲街道",
				start, start.plusDays(120)), "t")).field());
		Placement away = exchange.place(new PlacementInput("d1", "p2", "厦门市", "嘉莲街道", PAST, LocalDate.now().plusDays(20)), "t");
		assertEquals("report", assertThrows(ProblemException.class, () -> exchange.report(away.id(), new ReportInput("还没回来"),
				"t", Preconditions.tag(exchange.placement(away.id())))).field());
		String read = Preconditions.tag(exchange.placement(p.id()));
		assertEquals("学到了", exchange.report(p.id(), new ReportInput("学到了"), "t", read).report());
		assertTrue(Fakes.archived(store).contains("p1 shadowing.report"));
		// a second report written against the version read before the first: refused, nothing written
		assertEquals(412, assertThrows(ProblemException.class,
				() -> exchange.report(p.id(), new ReportInput("覆盖"), "t", read)).status());
		assertEquals("学到了", exchange.placement(p.id()).report());
		String current = Preconditions.tag(exchange.placement(p.id()));
		assertEquals("补充", exchange.report(p.id(), new ReportInput("补充"), "t", current).report());
	}

	@Test
	void aPersonsPlacementsAreTheirOwnOfEveryYearNewestFirst() {
		Placement earlier = exchange.place(new PlacementInput("d1", "p1", "上海市", "塘桥街道", PAST.minusYears(1), PAST.minusYears(1).plusDays(10)), "t");
		Placement later = exchange.place(new PlacementInput("d1", "p1", "厦门市", "嘉莲街道", PAST, PAST.plusDays(10)), "t");
		exchange.place(new PlacementInput("d1", "p2", "杭州市", "湖滨街道", PAST, PAST.plusDays(10)), "t");
		var mine = exchange.placementsOf("p1", Paging.of(0, 50));
		assertEquals(2, mine.total());
		assertEquals(List.of(later.id(), earlier.id()), mine.items().stream().map(Placement::id).toList());
		assertEquals(List.of(earlier.id()), exchange.placementsOf("p1", Paging.of(1, 1)).items().stream().map(Placement::id).toList());
		assertEquals(0, exchange.placementsOf("nobody", Paging.of(0, 50)).total());
	}
}
