package org.touyan.plugins.internal;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.policy.Policies.Scope;
import org.touyan.api.registry.District;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.Street;
import org.touyan.api.rest.Paging;
import org.touyan.api.store.DemoDataset;

/**
 * The demo district's policy bindings: the district formula for the district, the safety-veto
 * variant for 幸福街道, the 小灶课堂 brand for 东城街道, the Tangqiao programme, the four-review
 * weighting and the classification for the district.
 * It waits (the loader tries again) until the example plugins from {@code deploy/} are installed,
 * and leaves a demo district that already has bindings alone.
 */
@Component
public class DemoBindings implements DemoDataset {

	private final PluginManager manager;
	private final OrgUnits units;

	@Activate
	public DemoBindings(@Reference PluginManager manager, @Reference OrgUnits units) {
		this.manager = manager;
		this.units = units;
	}

	@Override
	public String id() {
		return "plugins.bindings";
	}

	@Override
	public Set<String> requires() {
		return Set.of("registry.units");
	}

	@Override
	public void load() {
		District demo = units.districts(Paging.of(0, 500)).items().stream().filter(d -> d.code().equals("DEMO"))
				.findFirst().orElseThrow(() -> new IllegalStateException("the demo district is not there"));
		if (manager.bindings().stream().anyMatch(b -> b.scope().equals("district:" + demo.id()))) {
			return;
		}
		Scope district = new Scope(demo.id(), null);
		manager.bind("StarRatingFormula", district, "district-default", Map.of());
		manager.bind("StarRatingFormula", new Scope(demo.id(), street(demo, "XF").id()), "safety-veto", Map.of());
		manager.bind("TrainingBrand", new Scope(demo.id(), street(demo, "DC").id()), "xiaozao-classroom", Map.of());
		manager.bind("PairingProgramme", district, "tangqiao", Map.of());
		manager.bind("ReviewWeighting", district, "district-four-reviews", Map.of());
		manager.bind("ClassificationPolicy", district, "district-classification", Map.of());
	}

	private Street street(District demo, String code) {
		return units.streets(demo.id(), Paging.of(0, 500)).items().stream().filter(s -> s.code().equals(code))
				.findFirst().orElseThrow(() -> new IllegalStateException("the demo street " + code + " is not there"));
	}
}
