package dev.stepstream.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.wire.TaskTokenKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeyFileTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:orders:run-1";

  @TempDir Path dir;

  @Test
  void shouldCreateTheFileOnceReadableByItsOwnerOnlyAndKeepItsKeyAcrossStarts() throws Exception {
    Path file = dir.resolve("conf/token-keys");

    TaskTokenKeys first = TokenKeyFile.loadOrCreate(file);
    TaskTokenKeys second = TokenKeyFile.loadOrCreate(file);

    assertThat(second.verify(first.token(ARN, 1))).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void shouldVerifyTokensOfEveryKeyAndSignWithTheFirst() throws Exception {
    TaskTokenKeys.Key old = TaskTokenKeys.newKey();
    TaskTokenKeys.Key current = TaskTokenKeys.newKey();
    Path file = dir.resolve("token-keys");
    Files.writeString(file, "# rotated\n" + TokenKeyFile.line(current) + "\n\n" + TokenKeyFile.line(old) + "\n");

    TaskTokenKeys keys = TokenKeyFile.load(file);

    assertThat(keys.verify(new TaskTokenKeys(java.util.List.of(old)).token(ARN, 1))).isTrue();
    assertThat(keys.keys().get(0).id()).isEqualTo(current.id());
  }

  @Test
  void shouldNameTheFileAndLineOfAMalformedKey() throws Exception {
    Path file = dir.resolve("token-keys");
    Files.writeString(file, "# keys\nk1 not-base64!\n");

    assertThatThrownBy(() -> TokenKeyFile.load(file))
        .hasMessageContaining(file + " line 2: not a task token key");
  }

  @Test
  void shouldRefuseAFileWithoutKeys() throws Exception {
    Path file = dir.resolve("token-keys");
    Files.writeString(file, "# nothing yet\n");

    assertThatThrownBy(() -> TokenKeyFile.load(file)).hasMessageContaining("holds no task token key");
  }
}
