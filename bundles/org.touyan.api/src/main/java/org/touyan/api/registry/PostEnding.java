package org.touyan.api.registry;

import java.time.LocalDate;

/** Ends a current post on {@code endDate}, for a reason such as 换届, 调任 or 辞职. */
public record PostEnding(LocalDate endDate, String reason) {
}
