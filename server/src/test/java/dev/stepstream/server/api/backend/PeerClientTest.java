package dev.stepstream.server.api.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A peer that is gone is told apart from one that is busy, and neither is waited on for long. */
class PeerClientTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:M:e";
  private final PeerClient client = new PeerClient("secret");

  @Test
  void shouldReportAPeerThatRefusesConnectionsAsUnreachableAtOnce() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    long started = System.nanoTime();

    assertThatThrownBy(() -> client.summary("127.0.0.1", closedPort, ARN))
        .isInstanceOf(PeerClient.PeerUnreachableException.class).hasMessageContaining("cannot be reached");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void shouldReportAPeerThatAcceptsButNeverAnswersAsUnreachableAfterTheRequestTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0)) { // the kernel accepts; nobody reads or answers
      long started = System.nanoTime();

      assertThatThrownBy(() -> client.history("127.0.0.1", silent.getLocalPort(), ARN, 1, 10, false, 10))
          .isInstanceOf(PeerClient.PeerUnreachableException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }
  }

  @Test
  void shouldReportAPeerWhoseStoresAreMovingAsUnavailableButReachable() throws Exception {
    HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    peer.createContext("/internal/", exchange -> {
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    peer.start();
    try {
      assertThatThrownBy(() -> client.summary("127.0.0.1", peer.getAddress().getPort(), ARN))
          .isInstanceOf(PeerClient.PeerUnavailableException.class)
          .isNotInstanceOf(PeerClient.PeerUnreachableException.class).hasMessageContaining("HTTP 503");
    } finally {
      peer.stop(0);
    }
  }
}
