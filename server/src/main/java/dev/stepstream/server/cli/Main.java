package dev.stepstream.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stepstream} command line. */
@Command(
    name = "stepstream",
    description = "AWS Step Functions state machines on Apache Kafka.",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {DevCommand.class, ServeCommand.class, RunLocalCommand.class, WorkerCommand.class,
        ValidateCommand.class, MachineCommands.Create.class, MachineCommands.Update.class,
        MachineCommands.Delete.class, MachineCommands.ListCommand.class, MachineCommands.Describe.class,
        ExecutionCommands.Start.class, ExecutionCommands.Stop.class, ExecutionCommands.History.class,
        TaskCommands.Success.class, TaskCommands.Failure.class, BenchCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    CommonPoolFloor.apply();
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (without exiting), for tests. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    // No @argument-file expansion: run-local's --input @FILE reads the file itself.
    return new CommandLine(new Main()).setExpandAtFiles(false).setExecutionExceptionHandler(new FriendlyErrors());
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
