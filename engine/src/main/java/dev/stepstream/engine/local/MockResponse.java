package dev.stepstream.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** What a mocked Task invocation answers: a result ({@code Return}) or an error ({@code Throw}). */
public sealed interface MockResponse {

  /** The Task succeeds with {@code value} as its result. */
  record Return(JsonNode value) implements MockResponse {
    public Return {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The Task fails with {@code error} (matched by Retry/Catch) and {@code cause} (may be null). */
  record Throw(String error, String cause) implements MockResponse {
    public Throw {
      Objects.requireNonNull(error, "error");
    }
  }
}
