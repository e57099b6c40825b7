package org.touyan.api.registry;

import java.time.LocalDate;

/** Puts a person into the reserve pipeline of a street, in a tier, on a date, for a reason. */
public record ReserveEntry(ReserveTier tier, String streetId, LocalDate date, String reason) {
}
