package org.touyan.api.registry;

import org.touyan.api.rest.Nullable;

/** A community (社区) of exactly one street: one community Party organization with one secretary. */
public record Community(String id, String streetId, String code, String name, @Nullable String nameEn) {
}
