package dev.stepstream.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.server.api.auth.AccessKey;
import dev.stepstream.server.api.auth.AccessKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeAccessKeysTest {
  private static final Map<String, String> ENV_KEY =
      Map.of("STEPSTREAM_ACCESS_KEY_ID", "SSAKENV", "STEPSTREAM_SECRET_ACCESS_KEY", "env-secret");

  @Test
  void shouldAcceptTheEnvironmentKeyWithoutCreatingAFile(@TempDir Path dir) {
    List<AccessKey> printed = new ArrayList<>();

    AccessKeys keys = ServeAccessKeys.resolve(ENV_KEY, dir.resolve("access-keys"), printed::add);

    assertThat(keys.find("SSAKENV")).get().extracting(AccessKey::secret).isEqualTo("env-secret");
    assertThat(keys.all()).hasSize(1);
    assertThat(printed).isEmpty();
    assertThat(dir.resolve("access-keys")).doesNotExist();
  }

  @Test
  void shouldAddTheKeysOfAnExistingFileToTheEnvironmentKey(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("access-keys"), "SSAKFILE file-secret read-only\nSSAKENV old operator\n");

    AccessKeys keys = ServeAccessKeys.resolve(ENV_KEY, file, k -> {});

    assertThat(keys.all()).extracting(AccessKey::id).containsExactly("SSAKENV", "SSAKFILE");
    assertThat(keys.find("SSAKENV")).get().extracting(AccessKey::secret).isEqualTo("env-secret");
  }

  @Test
  void shouldCreateAndPrintANewKeyWhenTheEnvironmentHasNone(@TempDir Path dir) {
    List<AccessKey> printed = new ArrayList<>();

    AccessKeys keys = ServeAccessKeys.resolve(Map.of(), dir.resolve("access-keys"), printed::add);

    assertThat(printed).hasSize(1);
    assertThat(keys.find(printed.get(0).id())).isPresent();
    assertThat(dir.resolve("access-keys")).exists();
  }
}
