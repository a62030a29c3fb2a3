package dev.stepstream.bench.workflow;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A minimal HTTP/1.1 client for the load generator: one selector thread, up to {@code maxConnections}
 * keep-alive connections, one request at a time per connection (no pipelining). Requests are
 * complete HTTP messages built by the caller; futures complete on the selector thread, so chain only
 * cheap work to them. Much cheaper per call than the JDK HttpClient, whose per-call CPU competed
 * with the API it measures on the same two cores.
 */
final class NioHttpClient implements AutoCloseable {
  private final InetSocketAddress server;
  private final int maxConnections;
  private final Selector selector;
  private final Queue<Exchange> submitted = new ConcurrentLinkedQueue<>();
  private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private final Thread loop;
  private volatile boolean running = true;
  private int open;

  private record Exchange(byte[] request, CompletableFuture<HttpResponseReader.Response> response) {}

  private final class Connection {
    final SocketChannel channel;
    final HttpResponseReader reader = new HttpResponseReader();
    final ByteBuffer in = ByteBuffer.allocate(8192);
    SelectionKey key;
    ByteBuffer out;
    Exchange current;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }
  }

  NioHttpClient(InetSocketAddress server, int maxConnections) throws IOException {
    this.server = server;
    this.maxConnections = maxConnections;
    this.selector = Selector.open();
    this.loop = new Thread(this::run, "bench-http-client");
    this.loop.setDaemon(true);
    this.loop.start();
  }

  /** Sends a complete HTTP/1.1 request; completes with the response, or fails with the connection. */
  CompletableFuture<HttpResponseReader.Response> send(byte[] request) {
    Exchange exchange = new Exchange(request, new CompletableFuture<>());
    submitted.add(exchange);
    selector.wakeup();
    return exchange.response();
  }

  private void run() {
    try {
      while (running) {
        selector.select();
        for (Exchange next = submitted.poll(); next != null; next = submitted.poll()) {
          waiting.add(next);
        }
        dispatchWaiting();
        for (SelectionKey key : selector.selectedKeys()) {
          handle(key);
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | ClosedSelectorException e) {
      running = false;
    }
    failAll(new IOException("the client is closed"));
  }

  private void dispatchWaiting() {
    while (!waiting.isEmpty()) {
      Connection connection = idle.poll();
      if (connection == null && open < maxConnections) {
        connection = connect();
      }
      if (connection == null) {
        return;
      }
      Exchange exchange = waiting.poll();
      if (connection.channel.isConnected()) {
        start(connection, exchange);
      } else {
        connection.current = exchange;
      }
    }
  }

  private Connection connect() {
    try {
      SocketChannel channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Connection connection = new Connection(channel);
      boolean connected = channel.connect(server);
      connection.key = channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, connection);
      open++;
      return connection;
    } catch (IOException e) {
      Exchange exchange = waiting.poll();
      exchange.response().completeExceptionally(e);
      return null;
    }
  }

  private void start(Connection connection, Exchange exchange) {
    connection.current = exchange;
    connection.out = ByteBuffer.wrap(exchange.request());
    connection.reader.reset();
    connection.key.interestOps(SelectionKey.OP_WRITE);
  }

  private void handle(SelectionKey key) {
    Connection connection = (Connection) key.attachment();
    try {
      if (key.isValid() && key.isConnectable() && connection.channel.finishConnect()) {
        start(connection, connection.current);
      }
      if (key.isValid() && key.isWritable()) {
        connection.channel.write(connection.out);
        if (!connection.out.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ);
        }
      }
      if (key.isValid() && key.isReadable()) {
        read(connection);
      }
    } catch (IOException | RuntimeException e) {
      drop(connection, e);
    }
  }

  private void read(Connection connection) throws IOException {
    connection.in.clear();
    if (connection.channel.read(connection.in) < 0) {
      throw new IOException("the server closed the connection");
    }
    connection.in.flip();
    if (connection.current == null) {
      throw new IOException("unexpected bytes on an idle connection");
    }
    connection.reader.append(connection.in);
    HttpResponseReader.Response response = connection.reader.complete();
    if (response == null) {
      return;
    }
    Exchange done = connection.current;
    connection.current = null;
    if (response.close()) {
      close(connection);
    } else {
      // Still read while idle, so a connection the server closes is noticed and dropped.
      connection.key.interestOps(SelectionKey.OP_READ);
      idle.add(connection);
    }
    done.response().complete(response);
    dispatchWaiting();
  }

  private void drop(Connection connection, Exception cause) {
    idle.remove(connection);
    close(connection);
    if (connection.current != null) {
      connection.current.response().completeExceptionally(cause);
    }
    dispatchWaiting();
  }

  private void close(Connection connection) {
    open--;
    connection.key.cancel();
    try {
      connection.channel.close();
    } catch (IOException e) {
      // already unusable
    }
  }

  private void failAll(IOException reason) {
    for (Exchange next = submitted.poll(); next != null; next = submitted.poll()) {
      waiting.add(next);
    }
    waiting.forEach(exchange -> exchange.response().completeExceptionally(reason));
    for (SelectionKey key : selector.keys()) {
      Connection connection = (Connection) key.attachment();
      if (connection.current != null) {
        connection.current.response().completeExceptionally(reason);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      loop.join(5_000);
      selector.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
