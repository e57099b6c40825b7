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
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

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
import org.touyan.api.tabular.Column;
import org.touyan.api.tabular.Format;
import org.touyan.api.tabular.Table;
import org.touyan.api.tabular.Tabular;

/**
 * The year's training report of a district, in JSON as one document and in CSV or xlsx one section at a
 * time (spreadsheets take one table): hours per secretary and street, brand activity, exchange
 * events held, shadowing and dispatch lists, transfer-project status.
 */
@Component(service = ReportResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("training-reports")
public class ReportResource {

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

	private final Tabular tabular;

	@Activate
	public ReportResource(@Reference Training training, @Reference Exchange exchange, @Reference Pairing pairing,
			@Reference Tabular tabular) {
		this.tabular = tabular;
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
	@Produces({ Tabular.CSV + ";charset=UTF-8", Tabular.XLSX })
	@Summary(value = "One section of the report as CSV or xlsx (?format=, or Accept): hours, streets, brands, events, shadowing,"
			+ " dispatches or projects", returns = String.class)
	@Access(DISTRICT_ADMIN)
	public Response export(@Context HttpHeaders headers, @PathParam("section") String section, @QueryParam("district") String district,
			@QueryParam("year") String year, @QueryParam("format") String format) {
		Format f = Format.negotiate(format, headers.getHeaderString(HttpHeaders.ACCEPT));
		return tabular.answer(table(section, district, year), f);
	}

	/** One section as a table, its columns with their Chinese headers. */
	Table table(String section, String district, String year) {
		if (!SECTIONS.contains(section)) {
			throw ProblemException.notFound("报告章节", "report section", section);
		}
		Report r = report(district, year);
		String name = "training-" + section + "-" + r.year();
		switch (section) {
			case "hours" -> {
				Table t = new Table(name, c("personId", "人员ID"), c("name", "姓名"), c("street", "街道"), c("community", "社区"),
						c("credit", "学时"), c("required", "应修学时"), c("met", "是否达标"));
				r.hours().forEach(c -> t.row(c.personId(), c.name(), c.streetName(), c.communityName(), c.credit(), c.required(), c.met()));
				return t;
			}
			case "streets" -> {
				Table t = new Table(name, c("streetId", "街道ID"), c("street", "街道"), c("secretaries", "书记人数"), c("credit", "学时合计"),
						c("unmet", "未达标人数"));
				r.streets().forEach(s -> t.row(s.streetId(), s.streetName(), s.secretaries(), s.credit(), s.unmet()));
				return t;
			}
			case "brands" -> {
				Table t = new Table(name, c("programmeId", "培训项目ID"), c("kind", "类别"), c("streetBrand", "街道品牌"), c("streetId", "街道ID"),
						c("name", "名称"), c("sessions", "场次"), c("attendances", "出勤人次"), c("credit", "学时合计"), c("computedBy", "学时计算依据"));
				r.brands().forEach(b -> t.row(b.programmeId(), b.kind(), b.streetBrand(), b.streetId(), b.name(), b.sessions(),
						b.attendances(), b.credit(), String.join("; ", b.computedBy())));
				return t;
			}
			case "events" -> {
				Table t = new Table(name, c("kind", "类别"), c("held", "举办次数"));
				r.events().forEach((k, n) -> t.row(k, n));
				return t;
			}
			case "shadowing" -> {
				Table t = new Table(name, c("id", "编号"), c("personId", "人员ID"), c("city", "城市"), c("host", "接收单位"),
						c("startDate", "开始日期"), c("endDate", "结束日期"), c("reported", "已交报告"));
				r.shadowing().forEach(p -> t.row(p.id(), p.personId(), p.city(), p.host(), p.startDate(), p.endDate(), p.report() != null));
				return t;
			}
			case "dispatches" -> {
				Table t = new Table(name, c("id", "编号"), c("personId", "人员ID"), c("contentCode", "内容代码"), c("startDate", "开始日期"),
						c("endDate", "结束日期"), c("reported", "已交报告"), c("programme", "结对项目"));
				r.dispatches().items().forEach(x -> t.row(x.id(), x.personId(), x.contentCode(), x.startDate(), x.endDate(),
						x.report() != null, x.provenance()));
				return t;
			}
			default -> {
				Table t = new Table(name, c("id", "编号"), c("title", "名称"), c("ownerId", "负责人ID"), c("communityId", "社区ID"),
						c("milestones", "节点数"), c("milestonesDone", "已完成节点"), c("status", "状态"), c("grade", "评定等级"),
						c("assessedBy", "评定依据"));
				r.projects().items().forEach(p -> t.row(p.id(), p.title(), p.ownerId(), p.communityId(), p.milestones(),
						p.milestonesDone(), p.status(), p.grade(), p.provenance()));
				return t;
			}
		}
	}

	private static Column c(String key, String label) {
		return Column.of(key, label);
	}
}
