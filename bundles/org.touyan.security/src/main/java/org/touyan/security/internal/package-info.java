/** Security implementation; its tables are migrated by the store before any component here starts. */
@RequireSchemaExtender
package org.touyan.security.internal;

import org.touyan.api.store.RequireSchemaExtender;
