package dev.stepstream.server.api.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the web console (the {@code stepstream-console} jar, assets under {@value #ROOT}) at
 * {@code /}. Console routes answer {@code index.html} so deep links survive a reload; hashed files
 * under {@code /assets/} are cached for good. Only GET routes are added, so {@code POST /} (the AWS
 * JSON protocol), {@code /api/}, {@code /metrics} and {@code /internal/} keep their handlers.
 */
public final class ConsoleRoutes {
  /** Where the console jar keeps the built assets on the classpath. */
  public static final String ROOT = "META-INF/resources/console/";

  /** The client-side routes that answer index.html (see docs/console.md). */
  public static final List<String> PAGES = List.of("/", "/state-machines", "/state-machines/*", "/executions",
      "/executions/*", "/studio", "/studio/*", "/metrics-dashboard", "/schedules", "/triggers");

  private static final Map<String, String> TYPES = Map.of(
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "html", "text/html; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "json", "application/json",
      "map", "application/json",
      "woff2", "font/woff2",
      "ico", "image/x-icon");

  private static final String NOT_BUILT = """
      <!doctype html><html><head><meta charset="utf-8"><title>Stepstream</title></head>
      <body style="font-family:system-ui,sans-serif;margin:3rem;color:#1f2937">
      <h1>Stepstream</h1><p>The web console is not in this build (the <code>console</code> module was skipped).
      The API is available at <code>POST /</code> and <code>/api/</code>.</p></body></html>
      """;

  private final ClassLoader loader;
  private final String root;

  public ConsoleRoutes() {
    this(ConsoleRoutes.class.getClassLoader(), ROOT);
  }

  /** For tests: assets from another class-path root. */
  ConsoleRoutes(ClassLoader loader, String root) {
    this.loader = loader;
    this.root = root;
  }

  public void register(RoutesConfig routes) {
    for (String page : PAGES) {
      routes.get(page, this::index);
    }
    routes.get("/assets/*", this::asset);
    routes.get("/favicon.svg", this::asset);
  }

  private void index(Context ctx) {
    Optional<byte[]> html = read("index.html");
    ctx.header("Cache-Control", "no-cache").contentType(TYPES.get("html"))
        .result(html.orElseGet(() -> NOT_BUILT.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private void asset(Context ctx) {
    String path = ctx.path().substring(1);
    Optional<byte[]> bytes = safe(path) ? read(path) : Optional.empty();
    if (bytes.isEmpty()) {
      ctx.status(404).contentType("text/plain").result("Not found: /" + path);
      return;
    }
    if (path.startsWith("assets/")) {
      ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    }
    ctx.contentType(TYPES.getOrDefault(extension(path), "application/octet-stream")).result(bytes.get());
  }

  static boolean safe(String path) {
    return !path.isEmpty() && !path.contains("..") && !path.contains("\\") && !path.startsWith("/");
  }

  private static String extension(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(dot + 1);
  }

  private Optional<byte[]> read(String path) {
    try (InputStream in = loader.getResourceAsStream(root + path)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
