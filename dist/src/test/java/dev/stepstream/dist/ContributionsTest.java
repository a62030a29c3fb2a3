package dev.stepstream.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.examples.imagepipeline.dev.ImagePipelineDevExtension;
import dev.stepstream.server.cli.CommandContribution;
import dev.stepstream.server.dev.DevExtension;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher's class path plugs the bench and the example into the server through its SPIs. */
class ContributionsTest {

  @Test
  void shouldContributeTheBenchCommand() {
    assertThat(ServiceLoader.load(CommandContribution.class).stream().map(ServiceLoader.Provider::get))
        .extracting(c -> new CommandLine(c.command()).getCommandName())
        .containsExactly("bench");
  }

  @Test
  void shouldInstallTheImagePipelineAsTheOnlyDevExtension() {
    assertThat(DevExtension.installed()).singleElement().isInstanceOf(ImagePipelineDevExtension.class);
  }
}
