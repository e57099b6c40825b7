package org.touyan.api.rest;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * One line saying what a resource method does, shown in the OpenAPI document. The document itself
 * is generated from the live resources, so only this text is written by hand.
 */
@Retention(RUNTIME)
@Target(METHOD)
public @interface Summary {

	String value();

	/** The entity type when the method returns a {@code Response}; {@code Void} for no body. */
	Class<?> returns() default Object.class;

	/**
	 * The statuses a method that returns a {@code Response} answers with the {@link #returns} body
	 * (or none, for {@code Void}); when not given, 201 (a {@code Response} is how a resource answers
	 * Created) or 204 for {@code Void}. A method that returns its entity answers 200.
	 */
	int[] status() default {};
}
