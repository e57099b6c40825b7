package org.touyan.api.registry;

import java.time.LocalDate;

import org.touyan.api.rest.Nullable;

/**
 * A person of a district's registry: a secretary, a committee member, an assistant, a reserve
 * cadre or a street cadre. Posts are held over time (see {@link Post}); every change is in the
 * person's lifetime archive (一人一档), which is {@code seal}ed on departure.
 *
 * @param gender {@code male} or {@code female}, as the ID number says
 * @param idNumber the 18-character resident ID number (公民身份号码, GB 11643)
 * @param partyMemberSince date of joining the Communist Party of China, or null for a non-member
 * @param seal the archive's seal (离任统一封存), or null while the archive is open
 */
public record Person(String id, String districtId, String name, String gender, LocalDate birthDate, String idNumber,
		@Nullable String phone, @Nullable String education, @Nullable LocalDate partyMemberSince, @Nullable ArchiveSeal seal,
		@Nullable String genderLabel) {

	/** {@code genderLabel} is the gender's Chinese name, 男 or 女 (the code catalogue's {@code gender}). */
	public Person {
		genderLabel = "male".equals(gender) ? "男" : "female".equals(gender) ? "女" : null;
	}

	public Person(String id, String districtId, String name, String gender, LocalDate birthDate, String idNumber, String phone,
			String education, LocalDate partyMemberSince, ArchiveSeal seal) {
		this(id, districtId, name, gender, birthDate, idNumber, phone, education, partyMemberSince, seal, null);
	}
}
