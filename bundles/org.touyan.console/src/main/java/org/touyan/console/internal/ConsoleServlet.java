package org.touyan.console.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the built console from the bundle's {@code console/} folder: Vite's hashed assets are
 * cached for a year, {@code index.html} is revalidated every time, a gzip twin made at build time
 * is sent to browsers that accept it, and any other path that is not a file answers index.html so
 * the front end's router can show it (a reload on {@code /people/42} works).
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=" + ConsoleContext.NAME + ")")
@HttpWhiteboardServletPattern("/*")
public class ConsoleServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private final transient StaticFiles files;

	@Activate
	public ConsoleServlet(BundleContext context) {
		this(new StaticFiles(path -> context.getBundle().getEntry("console" + path)));
	}

	ConsoleServlet(StaticFiles files) {
		this.files = files;
	}

	/**
	 * The API's own context is longer and always matched first, so an {@code /api} request reaches
	 * the console only while the JAX-RS application is not registered (starting or stopping): it
	 * answers 503, never the page, so a client does not mistake the console for the API.
	 */
	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		String uri = request.getRequestURI();
		if (StaticFiles.isApi(uri)) {
			byte[] body = StaticFiles.API_UNAVAILABLE.getBytes(StandardCharsets.UTF_8);
			StaticFiles.securityHeaders().forEach(response::setHeader);
			response.setStatus(503);
			response.setHeader("Retry-After", "1");
			response.setHeader("Cache-Control", "no-store");
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			return;
		}
		super.service(request, response);
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		StaticFiles.Answer answer = files.answer(request.getRequestURI(), request.getHeader("Accept-Encoding"),
				request.getHeader("If-None-Match"));
		answer.headers().forEach(response::setHeader);
		response.setStatus(answer.status());
		if (answer.body() != null) {
			response.setContentLength(answer.body().length);
			if (!"HEAD".equals(request.getMethod())) {
				response.getOutputStream().write(answer.body());
			}
		}
	}
}
