package org.touyan.registry.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.touyan.api.registry.District;
import org.touyan.api.registry.OrgUnits;
import org.touyan.api.registry.UnitInput;
import org.touyan.api.rest.Paging;
import org.touyan.api.store.DemoDataset;
import org.touyan.api.store.DemoStatus;

/**
 * The demo district's organisation units. A registry that already holds a district is left alone,
 * so turning demo data on against a real store never mixes demo units into it.
 */
@Component
public class DemoDistrict implements DemoDataset {

	static final String ID = "registry.units";

	/** Code of the demo district, by which later demo datasets find it. */
	static final String CODE = DemoStatus.DISTRICT_CODE;

	/** Street codes and names of the demo district. */
	static final List<String[]> STREETS = List.of(
			new String[] { "DC", "东城街道", "Dongcheng Subdistrict" },
			new String[] { "XC", "西城街道", "Xicheng Subdistrict" },
			new String[] { "NH", "南湖街道", "Nanhu Subdistrict" },
			new String[] { "BY", "北苑街道", "Beiyuan Subdistrict" },
			new String[] { "XH", "新华街道", "Xinhua Subdistrict" },
			new String[] { "XF", "幸福街道", "Xingfu Subdistrict" });

	private final OrgUnits units;

	@Activate
	public DemoDistrict(@Reference OrgUnits units) {
		this.units = units;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public void load() {
		if (units.districts(Paging.of(0, 1)).total() > 0) {
			return;
		}
		District d = units.createDistrict(new UnitInput(null, CODE, "示范区", "Demo District"));
		for (String[] s : STREETS) {
			units.createStreet(new UnitInput(d.id(), s[0], s[1], s[2]));
		}
	}
}
