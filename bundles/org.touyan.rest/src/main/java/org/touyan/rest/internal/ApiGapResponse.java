package org.touyan.rest.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/**
 * Holds back the HTTP layer's own error pages for an {@code /api} request. The HTTP service answers
 * {@code sendError(404)} when the API's servlet is momentarily unregistered (the JAX-RS whiteboard
 * rebuilds the core application when a member joins or leaves) and {@code sendError(500)} when the
 * JAX-RS runtime is called before its application is wired; neither says anything true about the
 * resource asked for; nor does the JAX-RS runtime's own HTML 404 page ("No service was found."),
 * which it writes while the application's servlet is registered but its endpoint is not wired yet.
 * {@link RequestGuard} answers those as 503 problems instead; the application's own 404 is a
 * problem document and passes. Errors the
 * application itself sends through {@code sendError} with any other status pass unchanged.
 */
final class ApiGapResponse extends HttpServletResponseWrapper {

	private int held;
	private int status = 200;

	ApiGapResponse(HttpServletResponse response) {
		super(response);
	}

	/** The status the HTTP layer tried to answer with a page, or 0 when it did not. */
	int held() {
		return held;
	}

	@Override
	public void setStatus(int status) {
		this.status = status;
		super.setStatus(status);
	}

	@Override
	public void setContentType(String type) {
		if (status == 404 && type != null && type.startsWith("text/html") && hold(404)) {
			return;
		}
		super.setContentType(type);
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		return held != 0 ? DISCARD : super.getOutputStream();
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		return held != 0 ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
	}

	private static final ServletOutputStream DISCARD = new ServletOutputStream() {
		@Override
		public void write(int b) {
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
		}
	};

	@Override
	public void sendError(int status) throws IOException {
		if (!hold(status)) {
			super.sendError(status);
		}
	}

	@Override
	public void sendError(int status, String message) throws IOException {
		if (!hold(status)) {
			super.sendError(status, message);
		}
	}

	private boolean hold(int status) {
		if ((status == 404 || status == 500) && !isCommitted()) {
			held = status;
			return true;
		}
		return false;
	}
}
