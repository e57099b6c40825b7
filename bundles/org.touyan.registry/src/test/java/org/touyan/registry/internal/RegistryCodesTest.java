package org.touyan.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.touyan.api.codes.CodeName;
import org.touyan.api.codes.CodeType;
import org.touyan.api.registry.FilingKind;
import org.touyan.api.registry.FilingStatus;
import org.touyan.api.registry.Person;
import org.touyan.api.registry.PersonInput;
import org.touyan.api.registry.PostKind;
import org.touyan.api.registry.ReserveTier;
import org.touyan.api.registry.WorkingGroupRole;
import org.touyan.api.rest.ProblemException;

/** Every code the registry answers has its Chinese and English name in the catalogue. */
class RegistryCodesTest {

	private static void names(Class<? extends Enum<?>> type, Map<String, CodeName> codes) {
		List<String> constants = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
		assertEquals(constants, List.copyOf(codes.keySet()), type.getSimpleName());
		codes.forEach((code, name) -> {
			assertFalse(name.zh().isBlank(), code);
			assertFalse(name.en().isBlank(), code);
		});
	}

	@Test
	void everyValueOfEveryRegistryTypeHasBothNames() {
		names(PostKind.class, new RegistryCodes.PostKinds().codes());
		names(ReserveTier.class, new RegistryCodes.ReserveTiers().codes());
		names(WorkingGroupRole.class, new RegistryCodes.WorkingGroupRoles().codes());
		names(FilingKind.class, new RegistryCodes.FilingKinds().codes());
		names(FilingStatus.class, new RegistryCodes.FilingStatuses().codes());
		assertEquals(List.of("male", "female"), List.copyOf(new RegistryCodes.Genders().codes().keySet()));
		assertEquals("社区“两委”成员", new RegistryCodes.PostKinds().codes().get("COMMITTEE_MEMBER").zh());
		assertEquals("postKind", new RegistryCodes.PostKinds().name());
	}

	@Test
	void aNameMissingFailsTheType() {
		assertThrows(IllegalArgumentException.class, () -> CodeType.of(PostKind.class, PostKind::displayName,
				k -> k == PostKind.STREET_CADRE ? " " : "x"));
	}

	@Test
	void everyArchiveActionTheRegistryWritesIsNamed() throws Exception {
		// the actions are the string constants the registry appends with
		for (String action : List.of("person.created", "person.updated", "post.started", "post.recorded", "post.ended",
				"reserve.entered", "reserve.promoted", "reserve.left", "filing.opened", "filing.step", "filing.vetting", "filing.filed",
				"filing.withdrawn", "eligibility.checked", "archive.sealed")) {
			CodeName name = RegistryCodes.ARCHIVE_ACTIONS.get(action);
			assertFalse(name == null || name.zh().isBlank() || name.en().isBlank(), action);
		}
	}

	@Test
	void genderIsAlsoTakenIn男And女() {
		assertEquals("male", RegistryCodes.gender("男"));
		assertEquals("female", RegistryCodes.gender("女"));
		assertEquals("female", RegistryCodes.gender("female"));
		assertEquals("gender", assertThrows(ProblemException.class, () -> RegistryCodes.gender("m")).field());
		// 32010619850101001: the 17th digit is odd, a man
		Person p = PeopleImpl.validPerson("p1", new PersonInput("d1", "王建国", "男", null, IdNumberTest.withCheck("32010619850101001"),
				null, null, null));
		assertEquals("male", p.gender());
		assertEquals("男", p.genderLabel());
		assertEquals("gender", assertThrows(ProblemException.class, () -> PeopleImpl.validPerson("p2", new PersonInput("d1", "王建国",
				"女", null, IdNumberTest.withCheck("32010619850101001"), null, null, null))).field());
	}
}
