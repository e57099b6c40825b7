/**
 * Who may do what: the roles, the access declaration every core REST method carries, the
 * authenticated caller, the scope resolvers that tell which street, community, person,
 * department or district a resource belongs to, the audit log and the masking of personal numbers.
 *
 * <p>Authorization is checked in one place, before a resource method runs: the method's
 * {@link Access} names the roles allowed and the parameters that identify its target; a caller
 * outside the target's scope gets 404, as if the target did not exist.
 */
@Export
@Version("1.4.0")
package org.touyan.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
