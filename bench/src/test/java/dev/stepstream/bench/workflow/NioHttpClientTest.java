package dev.stepstream.bench.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NioHttpClientTest {
  private ServerSocket server;
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

  @AfterEach
  void closeServer() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  /** A keep-alive HTTP/1.1 server, a thread per connection, answering each request's body with {@code answer}. */
  private InetSocketAddress serve(Function<String, String> answer) throws IOException {
    server = new ServerSocket(0);
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket socket = server.accept();
          clientPorts.add(socket.getPort());
          Thread connection = new Thread(() -> answerAll(socket, answer));
          connection.setDaemon(true);
          connection.start();
        }
      } catch (IOException closed) {
        // the test is over
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    return new InetSocketAddress("localhost", server.getLocalPort());
  }

  private static void answerAll(Socket socket, Function<String, String> answer) {
    try (socket) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream out = socket.getOutputStream();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        int length = 0;
        for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
          if (header.toLowerCase().startsWith("content-length:")) {
            length = Integer.parseInt(header.substring(15).trim());
          }
        }
        char[] body = new char[length];
        in.read(body, 0, length);
        out.write(answer.apply(new String(body)).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      // the client went away, or the test's answer closes the connection
    }
  }

  private static byte[] post(String body) {
    return ("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String fixed(int status, String body) {
    return "HTTP/1.1 " + status + " X\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: "
        + body.length() + "\r\n\r\n" + body;
  }

  @Test
  void shouldReturnStatusAndBodyWhenTheServerAnswersWithContentLength() throws Exception {
    try (NioHttpClient client = new NioHttpClient(serve(body -> fixed(400, "{\"echo\":" + body + "}")), 2)) {
      HttpResponseReader.Response response = client.send(post("{\"a\":1}")).get(10, TimeUnit.SECONDS);

      assertThat(response.status()).isEqualTo(400);
      assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"echo\":{\"a\":1}}");
    }
  }

  @Test
  void shouldJoinTheChunksWhenTheServerAnswersChunked() throws Exception {
    String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n";
    try (NioHttpClient client = new NioHttpClient(serve(body -> chunked), 1)) {
      HttpResponseReader.Response first = client.send(post("x")).get(10, TimeUnit.SECONDS);
      HttpResponseReader.Response second = client.send(post("y")).get(10, TimeUnit.SECONDS);

      assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("abcdefg");
      assertThat(second.status()).isEqualTo(200);
    }
  }

  @Test
  void shouldReuseAtMostMaxConnectionsWhenManyCallsAreOutstanding() throws Exception {
    try (NioHttpClient client = new NioHttpClient(serve(body -> fixed(200, body)), 4)) {
      List<CompletableFuture<HttpResponseReader.Response>> calls = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        calls.add(client.send(post("{\"n\":" + i + "}")));
      }

      for (int i = 0; i < 500; i++) {
        assertThat(new String(calls.get(i).get(10, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8))
            .isEqualTo("{\"n\":" + i + "}");
      }
      assertThat(clientPorts).hasSizeLessThanOrEqualTo(4);
    }
  }

  @Test
  void shouldFailTheCallWhenTheServerClosesBeforeAnswering() throws Exception {
    try (NioHttpClient client = new NioHttpClient(serve(body -> {
      throw new IllegalStateException("no answer");
    }), 1)) {
      CompletableFuture<HttpResponseReader.Response> call = client.send(post("x"));

      assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IOException.class);
    }
  }
}
