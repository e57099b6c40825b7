package org.touyan.api.store;

import static java.lang.annotation.ElementType.PACKAGE;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Requirement;

/**
 * Put on a package of a bundle that ships migrations, so that the resolver brings the store
 * into every runtime that installs the bundle.
 */
@Requirement(namespace = "osgi.extender", name = SchemaConstants.EXTENDER_NAME,
		version = SchemaConstants.EXTENDER_VERSION)
@Retention(CLASS)
@Target({ TYPE, PACKAGE })
public @interface RequireSchemaExtender {
}
