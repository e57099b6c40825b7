package org.touyan.api.store;

/**
 * Names shared between bundles that own tables and the store that migrates them.
 *
 * <p>A bundle declares {@code Touyan-Schema: registry} (optionally {@code ;path=db/registry}); its
 * migrations are the entries {@code V<number>__<description>.sql} of that folder, applied in
 * ascending number order. The default folder is {@code db/<schema>}.
 */
public final class SchemaConstants {

	/** Bundle header naming the schema a bundle owns and, optionally, its migration folder. */
	public static final String SCHEMA_HEADER = "Touyan-Schema";

	/** Attribute of {@link #SCHEMA_HEADER} giving the folder of the migrations inside the bundle. */
	public static final String PATH_ATTRIBUTE = "path";

	/** Service property of every {@link Store}: the schema it was migrated for. */
	public static final String SCHEMA_PROPERTY = "touyan.schema";

	/** Name of the {@code osgi.extender} capability the store provides. */
	public static final String EXTENDER_NAME = "touyan.schema";

	/** Version of the extender contract described here. */
	public static final String EXTENDER_VERSION = "1.0.0";

	private SchemaConstants() {
	}
}
