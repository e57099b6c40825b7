package org.touyan.api.evaluation;

/**
 * A negative list's verdict on one incident.
 *
 * @param rectificationDays for a {@link NegativeConsequence#RECTIFICATION}, the days (1–365) given to
 *        rectify when the recorder sets no deadline; 0 for an adjustment
 * @param explanation why, naming every item of the incident by its name
 */
public record NegativeVerdict(NegativeConsequence consequence, int rectificationDays, String explanation) {
}
