package org.touyan.api.rest;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the GET of a single resource whose writes take {@code If-Match}: it answers the
 * representation's {@code ETag} ({@link Preconditions#ok}), and the OpenAPI document says so. The
 * writes declare {@code @HeaderParam(Preconditions.IF_MATCH)}, which the document lists as required.
 */
@Retention(RUNTIME)
@Target(METHOD)
public @interface Versioned {
}
