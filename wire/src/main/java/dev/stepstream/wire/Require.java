package dev.stepstream.wire;

/** Field checks shared by the record constructors; messages name the record and field. */
final class Require {
  private Require() {}

  static <T> T present(T value, String record, String field) {
    if (value == null) {
      throw new IllegalArgumentException(record + "." + field + " is required");
    }
    return value;
  }

  static String text(String value, String record, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(record + "." + field + " is required and must not be blank");
    }
    return value;
  }

  static int version(int version, String record) {
    if (version < 1 || version > WireVersions.CURRENT) {
      throw new IllegalArgumentException(
          record + ".version " + version + " is not supported (this build reads 1.." + WireVersions.CURRENT + ")");
    }
    return version;
  }
}
