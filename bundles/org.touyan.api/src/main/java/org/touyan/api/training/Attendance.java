package org.touyan.api.training;

import java.math.BigDecimal;

/**
 * One person's attendance at one session: the session's format and length and the hours attended.
 */
public record Attendance(String personId, String courseFormat, BigDecimal sessionHours, BigDecimal attendedHours) {
}
