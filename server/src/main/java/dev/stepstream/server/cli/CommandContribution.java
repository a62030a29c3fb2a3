package dev.stepstream.server.cli;

/**
 * A subcommand that another module adds to {@code stepstream}. {@link Main} finds contributions with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/dev.stepstream.server.cli.CommandContribution}
 * file in the contributing jar), so the server does not depend on the modules that contribute them;
 * the launcher jar assembled by {@code dist} carries them all.
 */
public interface CommandContribution {

  /**
   * A new picocli command object (a class annotated with {@code @Command} whose name is the
   * subcommand's name), as {@link picocli.CommandLine#addSubcommand(Object)} takes it.
   */
  Object command();
}
