package dev.stepstream.asl.diag;

import java.util.ArrayList;
import java.util.List;

/** A mutable collector used while parsing; the result is an immutable, location-sorted list. */
public final class Diagnostics {
  private final List<Diagnostic> found = new ArrayList<>();

  public void error(String code, String location, String message) {
    found.add(Diagnostic.error(code, location, message));
  }

  public void warning(String code, String location, String message) {
    found.add(Diagnostic.warning(code, location, message));
  }

  public void add(Diagnostic diagnostic) {
    found.add(diagnostic);
  }

  public boolean hasErrors() {
    return found.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  public List<Diagnostic> toList() {
    return List.copyOf(found);
  }

  /** Escapes one reference token for a JSON pointer (RFC 6901: ~ becomes ~0, / becomes ~1). */
  public static String token(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  public static String child(String pointer, String name) {
    return pointer + "/" + token(name);
  }

  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}
