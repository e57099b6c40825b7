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
 * variant for 幸福街道, the 5 training brands of
 * their streets (小灶课堂 东城, 治理小剧场 西城, 湖畔夜校 南湖, 书记微讲堂 北苑, 幸福工作坊 幸福), the Tangqiao programme,
 * the four-review weighting, the classification and the negative list for the district.
 * It waits (the loader tries again) until the example plugins from {@code deploy/} are installed,
 * and leaves a binding already made for an SPI and scope alone.
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
		Scope district = new Scope(demo.id(), null);
		bindOnce("StarRatingFormula", district, "district-default");
		bindOnce("StarRatingFormula", new Scope(demo.id(), street(demo, "XF").id()), "safety-veto");
		bindOnce("TrainingBrand", new Scope(demo.id(), street(demo, "DC").id()), "xiaozao-classroom");
		bindOnce("TrainingBrand", new Scope(demo.id(), street(demo, "XC").id()), "governance-theatre");
		bindOnce("TrainingBrand", new Scope(demo.id(), street(demo, "NH").id()), "lakeside-night-school");
		bindOnce("TrainingBrand", new Scope(demo.id(), street(demo, "BY").id()), "micro-lecture");
		bindOnce("TrainingBrand", new Scope(demo.id(), street(demo, "XF").id()), "happiness-workshop");
		bindOnce("PairingProgramme", district, "tangqiao");
		bindOnce("ReviewWeighting", district, "district-four-reviews");
		bindOnce("ClassificationPolicy", district, "district-classification");
		bindOnce("NegativeListCatalogue", district, "district-negative-list-15");
	}

	/**
	 * Binds unless the SPI is bound in that scope already: a load that stopped half way (a plugin
	 * not installed yet) carries on where it stopped, and bindings made meanwhile are left alone.
	 */
	private void bindOnce(String spi, Scope scope, String policyId) {
		String where = BindingStore.scopeOf(scope);
		if (manager.bindings().stream().noneMatch(b -> b.scope().equals(where) && Views.simpleName(b.spi()).equals(spi))) {
			manager.bind(spi, scope, policyId, Map.of());
		}
	}

	private Street street(District demo, String code) {
		return units.streets(demo.id(), Paging.of(0, 500)).items().stream().filter(s -> s.code().equals(code))
				.findFirst().orElseThrow(() -> new IllegalStateException("the demo street " + code + " is not there"));
	}
}
