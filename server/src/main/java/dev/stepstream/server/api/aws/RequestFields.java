package dev.stepstream.server.api.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/** Reads members of an AWS request body, raising AWS's validation errors for missing or mistyped ones. */
public final class RequestFields {
  /**
   * Members whose shapes the Step Functions API model marks sensitive (Definition, SensitiveData,
   * SensitiveError, SensitiveCause): AWS leaves their value out of a constraint message.
   */
  private static final Set<String> SENSITIVE_MEMBERS = Set.of("definition", "input", "output", "error", "cause");

  private final JsonNode body;

  public RequestFields(JsonNode body) {
    this.body = body;
  }

  public JsonNode body() {
    return body;
  }

  public String requiredText(String member) {
    return optionalText(member).orElseThrow(() -> AwsErrors.missing(member));
  }

  public String requiredText(String member, int maxLength) {
    String value = requiredText(member);
    checkLength(member, value, maxLength);
    return value;
  }

  public Optional<String> optionalText(String member) {
    JsonNode node = body.get(member);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new AwsException(AwsErrors.SERIALIZATION, "Member '" + member + "' must be a string");
    }
    return Optional.of(node.textValue());
  }

  public boolean flag(String member, boolean fallback) {
    JsonNode node = body.get(member);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw new AwsException(AwsErrors.SERIALIZATION, "Member '" + member + "' must be a boolean");
    }
    return node.booleanValue();
  }

  /** AWS list operations: 0 or absent means the default page size; at most 1000. */
  public int maxResults(int fallback) {
    JsonNode node = body.get("maxResults");
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.canConvertToInt()) {
      throw new AwsException(AwsErrors.SERIALIZATION, "Member 'maxResults' must be an integer");
    }
    int value = node.intValue();
    if (value < 0 || value > 1000) {
      throw AwsErrors.constraint("maxResults", value, "Member must have value less than or equal to 1000");
    }
    return value == 0 ? fallback : value;
  }

  public static void checkLength(String member, String value, int maxLength) {
    if (value.length() <= maxLength) {
      return;
    }
    String constraint = "Member must have length less than or equal to " + maxLength;
    if (SENSITIVE_MEMBERS.contains(member)) {
      throw AwsErrors.validation("1 validation error detected: Value at '" + member
          + "' failed to satisfy constraint: " + constraint);
    }
    throw AwsErrors.constraint(member, value.length() > 64 ? value.substring(0, 64) + "..." : value, constraint);
  }
}
