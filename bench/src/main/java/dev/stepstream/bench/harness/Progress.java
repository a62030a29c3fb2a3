package dev.stepstream.bench.harness;

import java.io.PrintWriter;
import java.util.Locale;

/** One carriage-return progress line: scenario, phase, seconds left, and the live rate. */
public final class Progress {
  private final PrintWriter out;
  private final boolean enabled;
  private int lastLength;

  public Progress(PrintWriter out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  public synchronized void show(String scenario, String phase, long secondsLeft, double rate, String unit) {
    if (!enabled) {
      return;
    }
    String line = String.format(Locale.ROOT, "  %-34s %-9s %4d s left  %,12.0f %s", scenario, phase, secondsLeft, rate, unit);
    out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    out.flush();
    lastLength = line.length();
  }

  public synchronized void note(String message) {
    clear();
    out.println(message);
    out.flush();
  }

  public synchronized void clear() {
    if (enabled && lastLength > 0) {
      out.print("\r" + " ".repeat(lastLength) + "\r");
      out.flush();
      lastLength = 0;
    }
  }
}
