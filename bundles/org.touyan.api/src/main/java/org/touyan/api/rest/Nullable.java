package org.touyan.api.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A record component of a REST request or answer that may be absent: an answer writes it as
 * {@code null}, a request may leave it out. The OpenAPI document lists every other component as
 * {@code required} and not nullable, so a generated client can rely on them; a primitive component
 * is never null and needs no mark.
 */
@Documented
@Retention(RUNTIME)
@Target({ RECORD_COMPONENT, FIELD, PARAMETER, METHOD })
public @interface Nullable {
}
