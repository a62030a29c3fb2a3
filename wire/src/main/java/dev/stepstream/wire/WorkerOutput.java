package dev.stepstream.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * The bound on the log lines a worker sends with a task result: the last {@value #MAX_LINES} lines,
 * each cut to {@value #MAX_LINE_CHARS} characters (about 100 KiB at most), so a chatty worker cannot
 * blow up an execution's history.
 */
public final class WorkerOutput {
  public static final int MAX_LINES = 100;
  public static final int MAX_LINE_CHARS = 1024;
  static final String CUT = "…";

  private WorkerOutput() {}

  /** {@code lines} within the bound; null for none. */
  public static List<String> bound(List<String> lines) {
    if (lines == null || lines.isEmpty()) {
      return null;
    }
    List<String> tail = lines.size() > MAX_LINES ? lines.subList(lines.size() - MAX_LINES, lines.size()) : lines;
    List<String> out = new ArrayList<>(tail.size());
    for (String line : tail) {
      String text = line == null ? "" : line;
      out.add(text.length() > MAX_LINE_CHARS ? text.substring(0, MAX_LINE_CHARS - CUT.length()) + CUT : text);
    }
    return List.copyOf(out);
  }
}
