package dev.stepstream.server.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code stepstream} command line: the server's own subcommands, then those other modules
 * contribute through {@link CommandContribution} (for example {@code bench} in the launcher jar).
 */
@Command(
    name = "stepstream",
    description = "AWS Step Functions state machines on Apache Kafka.",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    subcommands = {DevCommand.class, ServeCommand.class, RunLocalCommand.class, WorkerCommand.class,
        ValidateCommand.class, MachineCommands.Create.class, MachineCommands.Update.class,
        MachineCommands.Delete.class, MachineCommands.ListCommand.class, MachineCommands.Describe.class,
        ExecutionCommands.Start.class, ExecutionCommands.Stop.class, ExecutionCommands.History.class,
        TaskCommands.Success.class, TaskCommands.Failure.class, TriggerCommands.class,
        ScheduleCommands.class,
        ProduceCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (without exiting), for tests. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The whole command line with its contributions, not run: tests parse deployment files' arguments with it. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    for (CommandContribution contribution : ServiceLoader.load(CommandContribution.class)) {
      cli.addSubcommand(contribution.command());
    }
    // Set after adding the contributions: picocli passes these settings only to subcommands it already has.
    // No @argument-file expansion: run-local's --input @FILE reads the file itself.
    return cli.setExpandAtFiles(false).setExecutionExceptionHandler(new FriendlyErrors());
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
