package org.touyan.plugins.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The configuration of the plugin manager ({@code touyan.plugins}): time limits of calls and updates, and trust. */
@ObjectClassDefinition(name = "Touyan plugins", description = "Policy plugins: time limits of calls and updates")
public @interface PluginsConfig {
	@AttributeDefinition(description = "Longest a policy call may run before it fails that call")
	long callTimeoutMs() default 2000;

	@AttributeDefinition(description = "Calls of one policy that ran past callTimeoutMs before it is quarantined "
			+ "(its bindings fall back to the next one up until a plugin administrator releases it); 0: never")
	int quarantineAfterTimeouts() default 3;

	@AttributeDefinition(description = "How long after its timeout a call still running inside the plugin is stopped "
			+ "(Thread.stop); 0: never, it keeps its thread")
	long stopRunawayAfterMs() default 5000;

	@AttributeDefinition(description = "Longest a new plugin version may take to register its policies")
	long verifyTimeoutMs() default 10000;

	@AttributeDefinition(description = "Longest an update waits for calls on the old version to finish")
	long drainTimeoutMs() default 5000;

	@AttributeDefinition(description = "Policy calls running at once; more are refused with 503")
	int maxConcurrentCalls() default 64;

	@AttributeDefinition(description = "production: only jars signed by a key in the trust store; development: "
			+ "unsigned jars too (said loudly in /api/health). Empty means the framework property "
			+ "touyan.plugins.mode, else production")
	String mode() default "";

	@AttributeDefinition(description = "PKCS12 trust store of the district's plugin-signing certificates; "
			+ "empty means trust.p12 in the data directory")
	String trustStore() default "";

	@AttributeDefinition(description = "Password of the trust store", type = AttributeType.PASSWORD)
	String trustStorePassword() default "";
}
