package org.touyan.training.internal;

import static org.touyan.api.security.Role.DISTRICT_ADMIN;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Summary;
import org.touyan.api.security.Access;
import org.touyan.training.internal.Credits.Credit;
import org.touyan.training.internal.Credits.StreetHours;
import org.touyan.training.internal.Exchange.Placement;
import org.touyan.training.internal.Pairing.Dispatch;
import org.touyan.training.internal.Pairing.Project;
import org.touyan.api.rest.Csv;

/**
 * The year's training report of a district, in JSON as one document and in CSV one section at a
 * time (spreadsheets take one table): hours per secretary and street, brand activity, exchange
 * events held, shadowing and dispatch lists, transfer-project status.
 */
@Component(service = ReportResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("training-reports")
public class ReportResource {

	static final String CSV = "text/csv;charset=UTF-8";
	static final List<String> SECTIONS = List.of("hours", "streets", "brands", "events", "shadowing", "dispatches", "projects");

	/** The whole report. */
	public record Report(String districtId, int year, List<Credit> hours, List<StreetHours> streets,
			List<Training.ProgrammeActivity> brands, Map<String, Long> events, List<Placement> shadowing,
			Dispatches dispatches, Projects projects) {
	}

	/**
	 * The year's dispatches: how many started in it, how many ran at some day of it, how many
	 * started by its end since the pairing began (cumulative), and those that ran in it.
	 */
	public record Dispatches(long startedInYear, long runningInYear, long cumulative, List<Dispatch> items) {
	}

	/** The district's experience-transfer projects: how many are in each status and in all, and the projects. */
	public record Projects(Map<String, Long> byStatus, List<Project> items) {
	}

	private final Training training;
	private final Exchange exchange;
	private final Pairing pairing;

	@Activate
	public ReportResource(@Reference Training training, @Reference Exchange exchange, @Reference Pairing pairing) {
		this.training = training;
		this.exchange = exchange;
		this.pairing = pairing;
	}

	@GET
	@Produces(MediaType.APPLICATION_JSON)
	@Summary("A district's training year: hours per secretary and street, brand activity, events held, shadowing, dispatches, projects")
	@Access(DISTRICT_ADMIN)
	public Report report(@QueryParam("district") String district, @QueryParam("year") String year) {
		String d = Input.required("district", district);
		Integer y = Input.year("year", year);
		if (y == null) {
			throw ProblemException.invalid("year", "请指定年份（year）", "year is required");
		}
		Training.Plan plan = training.plan(d, y).orElseThrow(() -> ProblemException.notFound("培训计划", "training plan", d + "/" + y));
		List<Credit> hours = training.credits(d, y);
		Pairing.DispatchFigures figures = pairing.dispatchFigures(d, y);
		Dispatches dispatches = new Dispatches(figures.startedInYear(), figures.runningInYear(), figures.cumulative(),
				pairing.dispatches(d, null, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), Paging.of(0, 500)).items());
		return new Report(d, y, hours, Credits.byStreet(hours), training.activity(plan.id()), exchange.held(d, y),
				exchange.placements(d, null, y), dispatches,
				new Projects(pairing.projectsByStatus(d), pairing.projects(d, null, null, Paging.of(0, 500)).items()));
	}

	@GET
	@Path("{section}")
	@Produces(CSV)
	@Summary("One section of the report as CSV: hours, streets, brands, events, shadowing, dispatches or projects")
	@Access(DISTRICT_ADMIN)
	public String csv(@PathParam("section") String section, @QueryParam("district") String district, @QueryParam("year") String year) {
		if (!SECTIONS.contains(section)) {
			throw ProblemException.notFound("报告章节", "report section", section);
		}
		Report r = report(district, year);
		StringBuilder out = new StringBuilder();
		switch (section) {
			case "hours" -> {
				out.append(Csv.line("personId", "name", "street", "community", "credit", "required", "met"));
				r.hours().forEach(c -> out.append(Csv.line(c.personId(), c.name(), c.streetName(), c.communityName(), c.credit(),
						c.required(), c.met())));
			}
			case "streets" -> {
				out.append(Csv.line("streetId", "street", "secretaries", "credit", "unmet"));
				r.streets().forEach(s -> out.append(Csv.line(s.streetId(), s.streetName(), s.secretaries(), s.credit(), s.unmet())));
			}
			case "brands" -> {
				out.append(Csv.line("programmeId", "kind", "streetBrand", "streetId", "name", "sessions", "attendances", "credit",
						"computedBy"));
				r.brands().forEach(b -> out.append(Csv.line(b.programmeId(), b.kind(), b.streetBrand(), b.streetId(), b.name(), b.sessions(),
						b.attendances(), b.credit(), String.join("; ", b.computedBy()))));
			}
			case "events" -> {
				out.append(Csv.line("kind", "held"));
				r.events().forEach((k, n) -> out.append(Csv.line(k, n)));
			}
			case "shadowing" -> {
				out.append(Csv.line("id", "personId", "city", "host", "startDate", "endDate", "reported"));
				r.shadowing().forEach(p -> out.append(Csv.line(p.id(), p.personId(), p.city(), p.host(), p.startDate(), p.endDate(),
						p.report() != null)));
			}
			case "dispatches" -> {
				out.append(Csv.line("id", "personId", "contentCode", "startDate", "endDate", "reported", "programme"));
				r.dispatches().items().forEach(x -> out.append(Csv.line(x.id(), x.personId(), x.contentCode(), x.startDate(), x.endDate(),
						x.report() != null, x.provenance())));
			}
			default -> {
				out.append(Csv.line("id", "title", "ownerId", "communityId", "milestones", "milestonesDone", "status", "grade",
						"assessedBy"));
				r.projects().items().forEach(p -> out.append(Csv.line(p.id(), p.title(), p.ownerId(), p.communityId(), p.milestones(),
						p.milestonesDone(), p.status(), p.grade(), p.provenance())));
			}
		}
		return out.toString();
	}
}
