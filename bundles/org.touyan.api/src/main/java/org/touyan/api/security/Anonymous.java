package org.touyan.api.security;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A core REST method that answers without a login (health, the OpenAPI document, login itself, a
 * resident's ballot that carries its own one-time token). The reason is documented with the method.
 */
@Retention(RUNTIME)
@Target(METHOD)
public @interface Anonymous {

	/** Why the method needs no login. */
	String value();
}
