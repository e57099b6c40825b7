package org.touyan.api.registry;

import org.touyan.api.rest.Nullable;

/**
 * A district (区), the tenant whose Organization Department (区委组织部) runs the platform.
 *
 * @param name its display name in Chinese, as users see it
 * @param nameEn its English name, or null
 */
public record District(String id, String code, String name, @Nullable String nameEn) {
}
