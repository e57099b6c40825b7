import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The start baseline of bench/startup.sh: the Jetty 12 the platform embeds (taken from its own
 * HTTP bundle), started by a plain main on 127.0.0.1, answering 200 with a small JSON body to
 * every path. No OSGi, no servlets: what a JVM and that Jetty cost to answer a first request.
 *
 *   java -cp <classes>:<jetty bundle>:<slf4j-api> BareJetty <port>
 */
public final class BareJetty {

	public static void main(String[] args) throws Exception {
		Server server = new Server();
		ServerConnector connector = new ServerConnector(server);
		connector.setHost("127.0.0.1");
		connector.setPort(Integer.parseInt(args[0]));
		server.addConnector(connector);
		ByteBuffer body = ByteBuffer.wrap("{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
		server.setHandler(new Handler.Abstract() {
			@Override
			public boolean handle(Request request, Response response, Callback callback) {
				response.setStatus(200);
				response.getHeaders().put("Content-Type", "application/json");
				response.write(true, body.slice(), callback);
				return true;
			}
		});
		server.start();
		server.join();
	}
}
