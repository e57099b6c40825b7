package org.touyan.training.internal;

import static org.touyan.api.security.Role.DEPARTMENT_SCORER;
import static org.touyan.api.security.Role.DISTRICT_ADMIN;
import static org.touyan.api.security.Role.PLUGIN_ADMIN;
import static org.touyan.api.security.Role.SECRETARY;
import static org.touyan.api.security.Role.STREET_ADMIN;

import java.io.InputStream;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.touyan.api.registry.People;
import org.touyan.api.rest.Created;
import org.touyan.api.rest.Page;
import org.touyan.api.rest.Paging;
import org.touyan.api.rest.ProblemException;
import org.touyan.api.rest.RestConstants;
import org.touyan.api.rest.Preconditions;
import org.touyan.api.rest.Summary;
import org.touyan.api.rest.Versioned;
import org.touyan.api.security.Access;
import org.touyan.api.security.Authorization;
import org.touyan.api.security.Caller;
import org.touyan.api.tabular.Format;
import org.touyan.api.tabular.Tabular;
import org.touyan.training.internal.Training.AttendanceInput;
import org.touyan.training.internal.Training.AttendanceRecord;
import org.touyan.training.internal.Training.Course;
import org.touyan.training.internal.Training.CourseInput;
import org.touyan.training.internal.Training.Enrolment;
import org.touyan.training.internal.Training.ImportReport;
import org.touyan.training.internal.Training.Plan;
import org.touyan.training.internal.Training.PlanInput;
import org.touyan.training.internal.Training.Session;
import org.touyan.training.internal.Training.SessionInput;

/** The 1+1+N training plans over REST: plans, courses, sessions, enrolment, attendance and credits. */
@Component(service = TrainingResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(RestConstants.APPLICATION_SELECT)
@Path("training")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrainingResource {

	/** Who enrols. */
	public record EnrolmentInput(List<String> personIds) {
	}

	private final Training training;
	private final Authorization authorization;
	private final Tabular tabular;
	private final People people;
	private final Exchange exchange;
	private final Pairing pairing;

	@Activate
	public TrainingResource(@Reference Training training, @Reference Authorization authorization, @Reference Tabular tabular,
			@Reference People people, @Reference Exchange exchange, @Reference Pairing pairing) {
		this.people = people;
		this.exchange = exchange;
		this.pairing = pairing;
		this.tabular = tabular;
		this.training = training;
		this.authorization = authorization;
	}

	@POST
	@Path("plans")
	@Summary(value = "Plans a district's year: 头雁领航 with its 5 course kinds, the quarterly 精治社工 and one programme per street brand",
			returns = Plan.class)
	@Access(DISTRICT_ADMIN)
	public Response createPlan(PlanInput input, @Context SecurityContext security) {
		if (input != null && input.districtId() != null && !input.districtId().isBlank()) {
			authorization.requireOwner(Caller.of(security), "district", input.districtId().strip()); // a district plans its own year only
		}
		var created = training.createPlan(input);
		return Created.at(created, "training/plans", created.id());
	}

	@GET
	@Path("plans")
	@Summary("The plan of a district's year")
	@Access({ DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN })
	public Plan planOf(@QueryParam("district") String district, @QueryParam("year") String year) {
		String d = Input.required("district", district);
		Integer y = Input.year("year", year);
		if (y == null) {
			throw ProblemException.invalid("year", "请指定年份（year）", "year is required");
		}
		return training.plan(d, y).orElseThrow(() -> ProblemException.notFound("培训计划", "training plan", d + "/" + y));
	}

	@GET
	@Path("plans/{id}")
	@Summary("A plan with its programmes and courses")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN }, target = "plan:id")
	public Plan plan(@PathParam("id") String id) {
		return training.plan(id);
	}

	@GET
	@Path("plans/{id}/activity")
	@Summary("Per programme of a plan: sessions, attendances, credit granted and the brand versions that computed it")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN }, target = "plan:id")
	public Page<Training.ProgrammeActivity> activity(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(training.activity(id), Paging.of(offset, limit));
	}

	@POST
	@Path("programmes/{id}/courses")
	@Summary(value = "Adds a course to a programme (a course kind in 头雁领航, a quarter in 精治社工)", returns = Course.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "programme:id")
	public Response addCourse(@PathParam("id") String id, CourseInput input) {
		return Created.of(training.addCourse(id, input));
	}

	@POST
	@Path("courses/{id}/sessions")
	@Summary(value = "Schedules a session: date, place, teacher, format (a brand's own formats for a brand course) and hours",
			returns = Session.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "course:id")
	public Response addSession(@PathParam("id") String id, SessionInput input) {
		var created = training.addSession(id, input);
		return Created.at(created, "training/sessions", created.id());
	}

	@GET
	@Path("courses/{id}/sessions")
	@Summary("A course's sessions by date")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN }, within = "course:id")
	public Page<Session> sessions(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(training.sessions(id), Paging.of(offset, limit));
	}

	@POST
	@Path("courses/{id}/enrolments")
	@Summary("Enrols people of the district in a course; each enrolment is in the person's archive")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, within = "course:id")
	public Enrolment enrol(@Context SecurityContext security, @PathParam("id") String id,
			EnrolmentInput input) {
		String actor = Caller.of(security).actor();
		Input.body(input);
		if (input.personIds() != null) {
			// a street enrols its own people, in its brand's courses and the district's alike
			input.personIds().stream().filter(p -> p != null).forEach(p -> authorization.requireOwner(Caller.of(security), "person", p));
		}
		return training.enrol(id, input.personIds(), actor);
	}

	@GET
	@Path("courses/{id}/enrolments")
	@Summary("Who is enrolled in a course")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "course:id")
	public Enrolment enrolment(@PathParam("id") String id) {
		return training.enrolment(id);
	}

	@GET
	@Path("sessions/{id}")
	@Summary("A session")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, DEPARTMENT_SCORER, SECRETARY, PLUGIN_ADMIN }, within = "session:id")
	public Session session(@PathParam("id") String id) {
		return training.session(id);
	}

	@GET
	@Path("sessions/{id}/report")
	@Versioned
	@Summary(value = "A session's report: the fields its brand defines (or the district training's), the values, the brand's provenance",
			returns = Training.SessionReport.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "session:id")
	public Response sessionReport(@PathParam("id") String id) {
		Training.SessionReport report = training.sessionReport(id);
		return Preconditions.ok(report, report.values());
	}

	@POST
	@Path("sessions/{id}/report")
	@Summary("Reports on a session that has taken place, with every field its brand requires")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "session:id")
	public Training.SessionReport report(@PathParam("id") String id, @HeaderParam(Preconditions.IF_MATCH) String ifMatch,
			Training.SessionReportInput input) {
		return training.report(id, input, Preconditions.required(ifMatch));
	}

	@POST
	@Path("sessions/{id}/attendance")
	@Summary(value = "Records one attendance of a session that has taken place; a brand session is credited by the street's brand",
			returns = AttendanceRecord.class)
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, within = "session:id")
	public Response attend(@Context SecurityContext security, @PathParam("id") String id,
			AttendanceInput input) {
		String actor = Caller.of(security).actor();
		if (input != null && input.personId() != null) {
			authorization.requireOwner(Caller.of(security), "person", input.personId());
		}
		return Created.of(training.attend(id, input, actor));
	}

	@POST
	@Path("sessions/{id}/attendance/import")
	@Consumes({ Tabular.CSV, Tabular.XLSX })
	@Summary(value = "Imports attendance from CSV or xlsx (personId,hours or 人员ID,学时); nothing is written unless every row is valid"
			+ " (else 422 with the report)", returns = ImportReport.class, status = { 200, 422 })
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, within = "session:id")
	public Response importAttendance(@Context SecurityContext security, @Context HttpHeaders headers,
			@PathParam("id") String id, InputStream body) {
		String actor = Caller.of(security).actor();
		Caller caller = Caller.of(security);
		List<List<String>> rows = tabular.read(Format.ofContentType(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)), body);
		ImportReport report = training.importRows(id, rows, actor, p -> authorization.requireOwner(caller, "person", p));
		return Response.status(report.written() ? 200 : 422).type(MediaType.APPLICATION_JSON_TYPE).entity(report).build();
	}

	@GET
	@Path("sessions/{id}/attendance")
	@Summary("A session's attendance with each credit and the brand version that computed it")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "session:id")
	public Page<AttendanceRecord> attendance(@PathParam("id") String id, @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
		return Page.of(training.attendance(id), Paging.of(offset, limit));
	}

	@GET
	@Path("credits")
	@Summary("Each serving secretary's credit in a district's plan year, of one street (street=id) or all; unmet=true lists only"
			+ " who has not met the required hours")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN }, target = "street:?street")
	public Page<Credits.Credit> credits(@QueryParam("district") String district, @QueryParam("street") String street,
			@QueryParam("year") String year, @QueryParam("unmet") String unmet, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		Paging paging = Paging.of(offset, limit);
		Integer y = Input.year("year", year);
		if (y == null) {
			throw ProblemException.invalid("year", "请指定年份（year）", "year is required");
		}
		if (unmet != null && !unmet.equals("true") && !unmet.equals("false")) {
			throw ProblemException.invalid("unmet", "unmet 应为 true 或 false", "unmet is true or false");
		}
		List<Credits.Credit> all = training.credits(Input.required("district", district), y).stream()
				.filter(c -> street == null || street.equals(c.streetId())).filter(c -> !"true".equals(unmet) || !c.met()).toList();
		return Page.of(all, paging);
	}

	@GET
	@Path("credits/{person}")
	@Summary("One serving secretary's credit in a district's plan year against the required hours; a secretary reads their own")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "person:person")
	public Credits.Credit credit(@PathParam("person") String person, @QueryParam("district") String district, @QueryParam("year") String year) {
		known(person);
		Integer y = Input.year("year", year);
		if (y == null) {
			throw ProblemException.invalid("year", "请指定年份（year）", "year is required");
		}
		return training.credit(Input.required("district", district), y, person);
	}

	@GET
	@Path("people/{person}/shadowing")
	@Summary("One person's shadowing placements of every year, newest first; a secretary reads their own")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "person:person")
	public Page<Exchange.Placement> placementsOf(@PathParam("person") String person, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		return exchange.placementsOf(known(person), Paging.of(offset, limit));
	}

	@GET
	@Path("people/{person}/dispatches")
	@Summary("One person's pairing dispatches (塘桥), newest first; a secretary reads their own")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "person:person")
	public Page<Pairing.Dispatch> dispatchesOf(@PathParam("person") String person, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		return pairing.dispatchesOf(known(person), Paging.of(offset, limit));
	}

	@GET
	@Path("people/{person}/projects")
	@Summary("The experience-transfer projects one person owns, newest first; a secretary reads their own")
	@Access(value = { DISTRICT_ADMIN, STREET_ADMIN, SECRETARY }, target = "person:person")
	public Page<Pairing.Project> projectsOf(@PathParam("person") String person, @QueryParam("offset") String offset,
			@QueryParam("limit") String limit) {
		return pairing.projectsOf(known(person), Paging.of(offset, limit));
	}

	/** The path names someone first: an unknown person is a 404 whatever the query says. */
	private String known(String person) {
		return people.person(person).orElseThrow(() -> ProblemException.notFound("人员", "person", person)).id();
	}
}
