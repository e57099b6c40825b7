package org.touyan.rest.internal;

import java.io.IOException;

import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.Preprocessor;

/**
 * Counts and times every {@code /api} request at the edge of the HTTP layer, outside
 * {@link RequestGuard} (a higher ranking runs first), so the status counted is the one the client
 * got, including the guard's 400 and 503 answers. The operation comes from {@link RouteFilter};
 * a request no resource method answered is counted as {@link Routes#UNMATCHED}.
 */
@Component(service = Preprocessor.class, property = Constants.SERVICE_RANKING + ":Integer=100")
public class RequestMetrics implements Preprocessor {

	private final Metrics metrics;

	@Activate
	public RequestMetrics(@Reference Metrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void init(FilterConfig config) {
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
		HttpServletRequest http = (HttpServletRequest) request;
		if (!RequestGuard.isApi(http.getRequestURI())) {
			chain.doFilter(request, response);
			return;
		}
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		} finally {
			Object route = request.getAttribute(Routes.ATTRIBUTE);
			metrics.request(route instanceof String r ? r : Routes.UNMATCHED, Routes.method(http.getMethod()),
					Routes.status(((HttpServletResponse) response).getStatus()), System.nanoTime() - start);
		}
	}

	@Override
	public void destroy() {
	}
}
