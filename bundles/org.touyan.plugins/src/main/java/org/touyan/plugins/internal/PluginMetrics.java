package org.touyan.plugins.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.metrics.MetricSource;

/** The plugin manager's counts in {@code GET /api/metrics} (see {@link PluginTally}). */
@Component(service = MetricSource.class)
public class PluginMetrics implements MetricSource {

	private final PluginManager manager;

	@Activate
	public PluginMetrics(@Reference PluginManager manager) {
		this.manager = manager;
	}

	@Override
	public List<Family> families() {
		return manager.metrics();
	}
}
