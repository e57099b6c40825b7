package org.touyan.plugins.internal;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.plugins.PluginAdmin;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.RestConstants;

/**
 * {@link PluginAdmin} on the {@link PluginManager}: the reads and repairs of {@code /api/plugins}
 * for an operator outside a request. The manager records each change as a plugin event, as for
 * a request.
 */
@Component(service = PluginAdmin.class)
public class PluginOperations implements PluginAdmin {

	private final PluginManager manager;

	@Activate
	public PluginOperations(@Reference PluginManager manager) {
		this.manager = manager;
	}

	@Override
	public String mode() {
		return manager.overview().mode();
	}

	@Override
	public List<PluginInfo> plugins() {
		return manager.plugins().stream().map(PluginOperations::info).toList();
	}

	@Override
	public List<EventInfo> events(int limit) {
		return manager.events(Paging.of(0, Math.max(1, Math.min(limit, RestConstants.MAX_LIMIT)))).items().stream()
				.map(e -> new EventInfo(e.id(), e.at(), e.bsn(), e.version(), e.action(), e.outcome(), e.detail())).toList();
	}

	@Override
	public List<BindingInfo> bindings() {
		return manager.bindings().stream().map(PluginOperations::info).toList();
	}

	@Override
	public Set<String> pins() {
		return manager.pins();
	}

	@Override
	public List<BindingInfo> pinned(String key) {
		return manager.pinned(key).stream().map(PluginOperations::info).toList();
	}

	@Override
	public PluginInfo rollback(String bsn) {
		return info(manager.rollback(bsn));
	}

	@Override
	public void releaseQuarantine(String bsn, String actor) {
		manager.releaseQuarantine(bsn, actor);
	}

	private static PluginInfo info(Views.PluginView v) {
		return new PluginInfo(v.bsn(), v.version(), v.state(), v.signer(), v.staged(), v.pinnedBy(),
				v.policies().stream().map(Views.PolicyView::id).toList(),
				v.policies().stream().filter(Views.PolicyView::quarantined).map(Views.PolicyView::id).toList());
	}

	private static BindingInfo info(Binding b) {
		Views.BindingView v = Views.BindingView.of(b);
		return new BindingInfo(v.spi(), v.scope(), v.policyId(), v.bsn(), v.version(), v.parameters(), v.revision());
	}
}
