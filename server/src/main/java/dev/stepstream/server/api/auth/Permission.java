package dev.stepstream.server.api.auth;

import java.util.Locale;

/** What an access key may do: read only, or everything (operator). */
public enum Permission {
  READ_ONLY,
  OPERATOR;

  /** {@code read-only} or {@code operator}, as written in the access keys file. */
  public static Permission parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "read-only" -> READ_ONLY;
      case "operator" -> OPERATOR;
      default -> throw new IllegalArgumentException("unknown permission '" + text + "' (expected read-only or operator)");
    };
  }

  /**
   * Whether this key may call an AWS operation. Read-only keys may call Describe*, List*, Get*
   * (except GetActivityTask, which hands a task out), Validate* and TestState.
   */
  public boolean allows(String operation) {
    if (this == OPERATOR) {
      return true;
    }
    if (operation.equals("GetActivityTask")) {
      return false;
    }
    return operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get")
        || operation.startsWith("Validate") || operation.equals("TestState");
  }
}
