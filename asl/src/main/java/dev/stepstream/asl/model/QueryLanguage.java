package dev.stepstream.asl.model;

import java.util.Optional;

/** The query language of a state machine or one state ({@code QueryLanguage} field); JSONPath is the default. */
public enum QueryLanguage {
  JSONPATH("JSONPath"),
  JSONATA("JSONata");

  private final String jsonName;

  QueryLanguage(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The spelling used in definitions. */
  public String jsonName() {
    return jsonName;
  }

  /** Parses the exact (case-sensitive) spelling used in definitions. */
  public static Optional<QueryLanguage> fromJson(String text) {
    for (QueryLanguage language : values()) {
      if (language.jsonName.equals(text)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
