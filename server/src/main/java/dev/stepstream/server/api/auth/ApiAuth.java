package dev.stepstream.server.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.AwsJsonEndpoint;
import dev.stepstream.server.api.aws.HttpBodies;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.PeerClient;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Authentication in front of the API (a Javalin before-handler). {@code POST /} takes AWS
 * Signature Version 4 or a bearer; {@code /api/...} (REST, SSE, console queries) takes
 * {@code Authorization: Bearer <access key id>:<secret>}, or, for GET (EventSource cannot send
 * headers), {@code ?access_token=<access key id>:<secret>}. {@code /internal/*} (peer queries)
 * takes the instances' shared secret ({@link AccessKeys#peerSecret()}). Everything else (the
 * console's static files, {@code /health/*}, {@code /metrics}) stays open.
 */
public final class ApiAuth {
  private static final String BEARER = "Bearer ";
  private static final List<String> ARN_MEMBERS = List.of("stateMachineArn", "executionArn", "activityArn",
      "resourceArn", "stateMachineAliasArn", "stateMachineVersionArn", "mapRunArn");

  private final AccessKeys keys;
  private final SigV4Verifier verifier;
  private final Arns arns;
  private final byte[] peerSecret;

  public ApiAuth(AccessKeys keys, Arns arns, Clock clock) {
    this.keys = keys;
    this.verifier = new SigV4Verifier(keys, "states", clock);
    this.arns = arns;
    this.peerSecret = keys.peerSecret().getBytes(StandardCharsets.UTF_8);
  }

  public void handle(Context ctx) {
    boolean awsEndpoint = ctx.path().equals("/") && ctx.method() == HandlerType.POST;
    if (awsEndpoint) {
      authorizeAws(ctx);
    } else if (ctx.path().startsWith("/internal/")) {
      String given = ctx.header(PeerClient.SECRET_HEADER);
      if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), peerSecret)) {
        throw new AwsException(AuthErrors.ACCESS_DENIED, "The internal routes answer only instances of this"
            + " deployment (header " + PeerClient.SECRET_HEADER + ")", 403);
      }
    } else if (ctx.path().startsWith("/api/")) {
      try {
        authorizeRest(ctx);
      } catch (AwsException e) {
        boolean denied = e.errorName().equals(AuthErrors.ACCESS_DENIED);
        if (!denied) {
          ctx.header("WWW-Authenticate", "Bearer");
        }
        throw new AwsException(e.errorName(), e.getMessage(), denied ? 403 : 401);
      }
    }
  }

  private void authorizeAws(Context ctx) {
    String authorization = ctx.header("Authorization");
    AccessKey key = authorization != null && authorization.startsWith(BEARER)
        ? bearer(authorization.substring(BEARER.length()))
        : verifier.verify(new SignedRequest(ctx.method().name(), ctx.path(), ctx.queryString(), headers(ctx),
            HttpBodies.read(ctx)));
    String target = ctx.header("X-Amz-Target");
    String operation = target != null && target.startsWith(AwsJsonEndpoint.TARGET_PREFIX)
        ? target.substring(AwsJsonEndpoint.TARGET_PREFIX.length()) : "";
    if (!key.permission().allows(operation)) {
      throw AuthErrors.accessDenied(arns.account(), key.id(), operation, resource(HttpBodies.read(ctx)));
    }
  }

  private void authorizeRest(Context ctx) {
    String authorization = ctx.header("Authorization");
    String token = ctx.method() == HandlerType.GET ? ctx.queryParam("access_token") : null;
    if (authorization != null && authorization.startsWith(BEARER)) {
      token = authorization.substring(BEARER.length());
    }
    if (token == null) {
      throw AuthErrors.missingToken();
    }
    AccessKey key = bearer(token);
    if (key.permission() == Permission.READ_ONLY && ctx.method() != HandlerType.GET) {
      throw new AwsException(AuthErrors.ACCESS_DENIED, "User: arn:aws:iam::" + arns.account() + ":user/" + key.id()
          + " is not authorized to perform: " + ctx.method() + " " + ctx.path() + " (the key is read-only)");
    }
  }

  /** {@code <access key id>:<secret>}; the secret is compared in constant time. */
  private AccessKey bearer(String token) {
    int colon = token.indexOf(':');
    if (colon < 0) {
      throw AuthErrors.unrecognizedClient();
    }
    AccessKey key = keys.find(token.substring(0, colon).strip()).orElseThrow(AuthErrors::unrecognizedClient);
    byte[] given = token.substring(colon + 1).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, key.secret().getBytes(StandardCharsets.UTF_8))) {
      throw AuthErrors.unrecognizedClient();
    }
    return key;
  }

  private String resource(byte[] body) {
    try {
      JsonNode request = AwsJson.mapper().readTree(body);
      for (String member : ARN_MEMBERS) {
        if (request != null && request.path(member).isTextual()) {
          return request.path(member).asText();
        }
      }
    } catch (IOException notJson) {
      // the resource is only named in the message; the operation itself reports the bad body
    }
    return "arn:aws:states:" + arns.region() + ":" + arns.account() + ":*";
  }

  private static Map<String, List<String>> headers(Context ctx) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      headers.put(name, Collections.list(ctx.req().getHeaders(name)));
    }
    return headers;
  }
}
