package dev.stepstream.asl.choice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ASL timestamps: the RFC 3339 profile of ISO 8601 with an uppercase {@code T} between date and
 * time and an uppercase {@code Z} when no numeric offset is given (AWS Choice state docs), e.g.
 * {@code 2016-08-18T17:33:00Z} or {@code 2016-08-18T17:33:00.123+01:00}. Fractions of up to nine
 * digits are accepted; lowercase {@code t}/{@code z}, a missing offset and a space separator are not.
 */
public final class Timestamps {
  private static final Pattern SHAPE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

  private Timestamps() {}

  public static Optional<Instant> parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public static boolean isTimestamp(String text) {
    return parse(text).isPresent();
  }
}
