package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;

/** How a built-in integration call ended: the Task's result, or an error and cause for Retry/Catch. */
public sealed interface Outcome {
  record Succeeded(JsonNode output) implements Outcome {}

  record Failed(String error, String cause) implements Outcome {}
}
