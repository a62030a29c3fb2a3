package dev.stepstream.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepstream.server.api.auth.AccessKey;
import dev.stepstream.server.api.auth.AccessKeys;
import dev.stepstream.server.api.auth.Permission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessKeyFileTest {
  @TempDir Path dir;

  @Test
  void shouldCreateAMissingFileWithOneOperatorKeyAndHandItOutOnce() {
    Path file = dir.resolve("conf/access-keys");
    List<AccessKey> shown = new ArrayList<>();
    AccessKeys keys = AccessKeyFile.loadOrCreate(file, shown::add);
    AccessKeyFile.loadOrCreate(file, shown::add);
    assertThat(shown).hasSize(1);
    assertThat(keys.all()).containsExactly(shown.get(0));
    assertThat(shown.get(0).id()).startsWith("SSAK").hasSize(20);
    assertThat(shown.get(0).secret()).hasSize(40);
    assertThat(shown.get(0).permission()).isEqualTo(Permission.OPERATOR);
  }

  @Test
  void shouldReadPermissionsAndSkipComments() throws Exception {
    Path file = dir.resolve("access-keys");
    Files.writeString(file, "# keys\n\nAKIDONE secretone read-only\nAKIDTWO secrettwo\n");
    AccessKeys keys = AccessKeyFile.load(file);
    assertThat(keys.find("AKIDONE")).get().extracting(AccessKey::permission).isEqualTo(Permission.READ_ONLY);
    assertThat(keys.find("AKIDTWO")).get().extracting(AccessKey::permission).isEqualTo(Permission.OPERATOR);
  }

  @Test
  void shouldNameTheFileAndLineOfAMalformedKey() throws Exception {
    Path file = dir.resolve("access-keys");
    Files.writeString(file, "AKIDONE secretone\nAKIDTWO secrettwo admin\n");
    assertThatThrownBy(() -> AccessKeyFile.load(file)).hasMessageContaining("line 2")
        .hasMessageContaining("unknown permission 'admin'");
  }
}
