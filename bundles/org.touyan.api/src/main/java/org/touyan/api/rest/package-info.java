/**
 * Conventions shared by every REST resource of the core application: where the application is,
 * how a page of a collection looks, how a resource reports a client error, and how a single
 * resource's version travels (ETag, If-Match; {@link org.touyan.api.rest.Preconditions}).
 */
@Export
@Version("1.7.0")
package org.touyan.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
