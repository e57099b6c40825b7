package org.touyan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.touyan.api.rest.ProblemException;

class JsonProviderTest {

	public record Person(String name, LocalDate born, int age, List<String> posts) {
	}

	private final JsonProvider provider = new JsonProvider();

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Object read(String json) throws Exception {
		return provider.readFrom((Class) Person.class, Person.class, null, MediaType.APPLICATION_JSON_TYPE, null,
				new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

	private ProblemException refused(String json) {
		return assertThrows(ProblemException.class, () -> read(json));
	}

	@Test
	void readsAndWritesUtf8AndIsoDates() throws Exception {
		Person p = (Person) read("{\"name\":\"王红梅\",\"born\":\"1990-05-04\",\"age\":36,\"posts\":[\"书记\"]}");
		assertEquals(new Person("王红梅", LocalDate.of(1990, 5, 4), 36, List.of("书记")), p);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		provider.writeTo(p, Person.class, Person.class, null, MediaType.APPLICATION_JSON_TYPE, null, out);
		assertEquals("{\"name\":\"王红梅\",\"born\":\"1990-05-04\",\"age\":36,\"posts\":[\"书记\"]}",
				out.toString(StandardCharsets.UTF_8));
	}

	public record Resident(String name, String idNumber, String phone, java.util.Map<String, Object> after) {
	}

	@Test
	void personalNumbersAreMaskedWhereverTheyAppear() throws Exception {
		Resident r = new Resident("王红梅", "110101199003071234", "13812345678", new java.util.TreeMap<>(java.util.Map.of(
				"idNumber", "11010119900307123X", "phone", List.of("13987654321"), "note", "13812345678")));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		provider.writeTo(r, Resident.class, Resident.class, null, MediaType.APPLICATION_JSON_TYPE, null, out);
		assertEquals("{\"name\":\"王红梅\",\"idNumber\":\"110101********1234\",\"phone\":\"138****5678\","
				+ "\"after\":{\"idNumber\":\"110101********123X\",\"note\":\"13812345678\",\"phone\":[\"139****4321\"]}}",
				out.toString(StandardCharsets.UTF_8));
	}

	@Test
	void namesTheFieldThatIsUnknownOrOfTheWrongType() {
		assertEquals("colour", refused("{\"name\":\"x\",\"age\":1,\"colour\":1}").field());
		assertEquals("age", refused("{\"name\":\"x\",\"age\":1.5}").field());
		assertEquals("age", refused("{\"name\":\"x\",\"age\":\"12\"}").field());
		assertEquals("name", refused("{\"name\":12}").field());
		assertEquals("born", refused("{\"born\":\"yesterday\"}").field());
		assertEquals("posts[0]", refused("{\"posts\":[{}]}").field());
		assertEquals("age", refused("{\"name\":\"x\"}").field());
	}

	@Test
	void malformedEmptyOrTrailingBodiesAreRefusedWithoutNamingAField() {
		ProblemException malformed = refused("{\"name\":");
		assertNull(malformed.field());
		assertEquals(400, malformed.status());
		assertEquals("请求须带 JSON 正文", refused("").detail());
		assertEquals("A JSON body is required", refused("").detail(java.util.Locale.ENGLISH));
		assertEquals(400, refused("{} {}").status());
	}

	@Test
	void deepNestingIsRefused() {
		String deep = "{\"posts\":" + "[".repeat(100) + "]".repeat(100) + "}";
		assertEquals(400, refused(deep).status());
	}

	@Test
	void onlyJsonMediaTypesAreHandled() {
		assertEquals(true, provider.isReadable(Person.class, Person.class, null, MediaType.APPLICATION_JSON_TYPE));
		assertEquals(true, provider.isWriteable(Problem.class, Problem.class, null, ProblemMapper.PROBLEM));
		assertEquals(false, provider.isReadable(Person.class, Person.class, null, MediaType.TEXT_PLAIN_TYPE));
	}

	@Test
	void bytesAResourceWroteGoOutAsTheyAre() {
		assertEquals(false, provider.isWriteable(byte[].class, byte[].class, null, MediaType.APPLICATION_JSON_TYPE));
		assertEquals(false, provider.isWriteable(javax.ws.rs.core.StreamingOutput.class,
				javax.ws.rs.core.StreamingOutput.class, null, MediaType.APPLICATION_JSON_TYPE));
	}
}
