package dev.stepstream.server.api;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/** Applies {@link HttpLimits} to the Jetty server under Javalin. */
final class JettyLimits {
  private JettyLimits() {}

  static void apply(JavalinConfig config, HttpLimits limits, long maxRequestBytes) {
    config.http.maxRequestSize = maxRequestBytes;
    config.jetty.modifyHttpConfiguration(http -> {
      http.setIdleTimeout(limits.idleTimeout().toMillis());
      http.setMinRequestDataRate(limits.minRequestBytesPerSecond());
    });
    config.jetty.modifyServer(server -> {
      server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
      // Javalin adds its connector after these hooks run, so its idle timeout is set as the server starts.
      server.addEventListener(new LifeCycle.Listener() {
        @Override
        public void lifeCycleStarting(LifeCycle event) {
          for (Connector connector : ((Server) event).getConnectors()) {
            if (connector instanceof AbstractConnector c) {
              c.setIdleTimeout(limits.idleTimeout().toMillis());
            }
          }
        }
      });
    });
  }
}
