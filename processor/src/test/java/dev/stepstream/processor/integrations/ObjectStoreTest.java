package dev.stepstream.processor.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreTest {
  @TempDir
  Path root;

  @Test
  void shouldMapBucketAndKeyToAFileUnderTheRoot() {
    ObjectStore store = new ObjectStore(root);
    assertThat(store.file("data", "in/items.jsonl")).isEqualTo(root.resolve("data/in/items.jsonl").toAbsolutePath());
  }

  @Test
  void shouldRefuseNamesThatLeaveTheRoot() {
    ObjectStore store = new ObjectStore(root);
    assertThatThrownBy(() -> store.file("data", "../other/x")).hasMessageContaining("leaves the bucket");
    assertThatThrownBy(() -> store.file("..", "x")).hasMessageContaining("is not valid");
    assertThatThrownBy(() -> store.file("a/b", "x")).hasMessageContaining("is not valid");
  }

  @Test
  void shouldListObjectsInListObjectsV2ItemShape() throws Exception {
    ObjectStore store = new ObjectStore(root);
    store.write("b", "p/one.txt", "hello".getBytes(StandardCharsets.UTF_8));
    store.write("b", "q/two.txt", "x".getBytes(StandardCharsets.UTF_8));
    JsonNode listed = store.list("b", "p/");
    assertThat(listed).hasSize(1);
    JsonNode item = listed.get(0);
    assertThat(item.get("Key").asText()).isEqualTo("p/one.txt");
    assertThat(item.get("Size").asLong()).isEqualTo(5);
    assertThat(item.get("Etag").asText()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
    assertThat(item.get("StorageClass").asText()).isEqualTo("STANDARD");
    assertThat(item.get("LastModified").isIntegralNumber()).isTrue();
    assertThat(store.list("b", null)).hasSize(2);
  }

  @Test
  void shouldReplaceAnObjectWholeWhenWrittenAgain() throws Exception {
    ObjectStore store = new ObjectStore(root);
    store.write("b", "k", "first version".getBytes(StandardCharsets.UTF_8));
    store.write("b", "k", "2nd".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(store.file("b", "k"))).isEqualTo("2nd");
    try (var files = Files.list(root.resolve("b"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("k");
    }
  }
}
