package dev.stepstream.server.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints what went wrong in one line instead of a stack trace (the trace goes to the debug log). */
final class FriendlyErrors implements IExecutionExceptionHandler {
  static final int RUNTIME_FAILURE = 1;
  private static final Logger LOG = LoggerFactory.getLogger(FriendlyErrors.class);

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    LOG.debug("Command failed", e);
    cmd.getErr().println("stepstream " + cmd.getCommandName() + ": " + e.getMessage());
    cmd.getErr().flush();
    return RUNTIME_FAILURE;
  }
}
