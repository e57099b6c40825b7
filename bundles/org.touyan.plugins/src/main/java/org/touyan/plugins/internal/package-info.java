/** The plugin manager; its tables are migrated by the store before any component here starts. */
@RequireSchemaExtender
package org.touyan.plugins.internal;

import org.touyan.api.store.RequireSchemaExtender;
