package dev.stepstream.server.api.aws;

import com.fasterxml.jackson.databind.JsonNode;

/** One AWS Step Functions operation: request body in, response body out (or an {@link AwsException}). */
@FunctionalInterface
public interface Operation {
  JsonNode handle(RequestFields request);
}
