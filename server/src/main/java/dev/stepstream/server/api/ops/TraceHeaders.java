package dev.stepstream.server.api.ops;

import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.RequestFields;
import dev.stepstream.wire.TraceContext;

/**
 * StartExecution's {@code traceHeader}: at most 256 ASCII characters, as AWS checks it. AWS passes it
 * on as an X-Ray trace header ({@code Root=1-...;Parent=...;Sampled=1}); Stepstream maps it to a W3C
 * trace context ({@link TraceContext}) and also accepts a W3C {@code traceparent} there. Without
 * one, the start carries none: the processor generates the execution's trace from its ARN and start
 * time, so that it need not store it, and the execution shows it in X-Ray form.
 */
final class TraceHeaders {
  static final int MAX_LENGTH = 256;

  private TraceHeaders() {}

  /** The request's header, or null when it gives none. */
  static String of(RequestFields request) {
    String given = request.optionalText("traceHeader").orElse("");
    RequestFields.checkLength("traceHeader", given, MAX_LENGTH);
    if (!given.chars().allMatch(c -> c < 128)) {
      throw AwsErrors.constraint("traceHeader", given, "Member must satisfy regular expression pattern: \\p{ASCII}*");
    }
    return given.isEmpty() ? null : given;
  }
}
