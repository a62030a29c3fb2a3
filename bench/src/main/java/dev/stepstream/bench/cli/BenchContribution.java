package dev.stepstream.bench.cli;

import dev.stepstream.server.cli.CommandContribution;

/** Adds {@code stepstream bench} to the launcher (see META-INF/services/dev.stepstream.server.cli.CommandContribution). */
public final class BenchContribution implements CommandContribution {

  @Override
  public Object command() {
    return new BenchCommand();
  }
}
