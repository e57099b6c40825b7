package org.touyan.api.registry;

import java.util.List;

/**
 * "One assistant per community" (一社区一书记助理) in a district: how many communities have a
 * current secretary assistant (书记助理), and which lack one.
 */
public record AssistantCoverage(String districtId, int communities, int covered, List<Community> lacking) {
}
