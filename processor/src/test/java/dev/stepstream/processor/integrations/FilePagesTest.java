package dev.stepstream.processor.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paged reading of JSON, JSON Lines and CSV files: every item once, in order, pages bounded. */
class FilePagesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** Reads the whole file page by page; returns the pages' sizes and collects the items. */
  private List<Integer> pages(Path file, String config, int maxItems, int maxBytes, ArrayNode all) throws Exception {
    JsonNode readerConfig = JSON.readTree(config);
    JsonNode cursor = JSON.nullNode();
    List<Integer> sizes = new ArrayList<>();
    for (int guard = 0; guard < 10_000; guard++) {
      JsonNode request = JSON.createObjectNode().put("MaxItems", maxItems).put("MaxBytes", maxBytes)
          .put("Read", all.size());
      JsonNode answer = FilePages.read(file, readerConfig, cursor, ItemPage.of(request, readerConfig));
      all.addAll((ArrayNode) answer.get("Items"));
      sizes.add(answer.get("Items").size());
      cursor = answer.get("NextCursor");
      if (cursor.isNull()) {
        return sizes;
      }
    }
    throw new AssertionError("no last page");
  }

  @Test
  void shouldReadJsonLinesPageByPageFromByteOffsets() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      text.append("{\"n\":").append(i).append(",\"s\":\"\u00e9\"}\n").append(i % 7 == 0 ? "\n" : "");
    }
    Path file = Files.writeString(dir.resolve("items.jsonl"), text.toString());
    ArrayNode all = JSON.createArrayNode();

    assertThat(pages(file, "{\"InputType\":\"JSONL\"}", 10, 1_000_000, all)).containsExactly(10, 10, 5);

    assertThat(all).isEqualTo(ItemFiles.parse(text.toString(), JSON.readTree("{\"InputType\":\"JSONL\"}")));
  }

  @Test
  void shouldEndAPageAtTheByteBudgetButTakeOneItemAlways() throws Exception {
    Path file = Files.writeString(dir.resolve("big.jsonl"), "\"" + "x".repeat(100) + "\"\n\"a\"\n\"b\"");
    ArrayNode all = JSON.createArrayNode();

    assertThat(pages(file, "{\"InputType\":\"JSONL\"}", 10, 50, all)).containsExactly(1, 2);
    assertThat(all).hasSize(3);
  }

  @Test
  void shouldReadALineLongerThanOneChunk() throws Exception {
    String longValue = "y".repeat(200_000);
    Path file = Files.writeString(dir.resolve("long.jsonl"), "1\n\"" + longValue + "\"\n2\n");
    ArrayNode all = JSON.createArrayNode();

    pages(file, "{\"InputType\":\"JSONL\"}", 10, 1_000_000, all);

    assertThat(all.get(1).asText()).isEqualTo(longValue);
    assertThat(all).hasSize(3);
  }

  @Test
  void shouldStopAtMaxItemsAcrossPages() throws Exception {
    Path file = Files.writeString(dir.resolve("items.json"), "[1,2,3,4,5,6,7,8,9]");
    ArrayNode all = JSON.createArrayNode();

    assertThat(pages(file, "{\"InputType\":\"JSON\",\"MaxItems\":5}", 2, 1000, all)).containsExactly(2, 2, 1);
    assertThat(all.toString()).isEqualTo("[1,2,3,4,5]");
  }

  @Test
  void shouldStreamAJsonArrayByIndex() throws Exception {
    Path file = Files.writeString(dir.resolve("items.json"), "[{\"a\":[1,{\"b\":2}]},\"x\",3]");
    ArrayNode all = JSON.createArrayNode();

    assertThat(pages(file, "{}", 2, 1000, all)).containsExactly(2, 1);
    assertThat(all.toString()).isEqualTo("[{\"a\":[1,{\"b\":2}]},\"x\",3]");
  }

  @Test
  void shouldReadCsvRowsWithQuotedLineBreaksAcrossPages() throws Exception {
    String text = "id,name\n1,\"a\nb\"\n2,c\n3,\"d,e\"\n";
    Path file = Files.writeString(dir.resolve("rows.csv"), text);
    ArrayNode all = JSON.createArrayNode();

    assertThat(pages(file, "{\"InputType\":\"CSV\"}", 2, 1000, all)).containsExactly(2, 1);

    assertThat(all).isEqualTo(ItemFiles.parse(text, JSON.readTree("{\"InputType\":\"CSV\"}")));
  }

  @Test
  void shouldNameTheLineOfInvalidJsonLines() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.jsonl"), "1\n2\n{oops\n");

    assertThatThrownBy(() -> pages(file, "{\"InputType\":\"JSONL\"}", 2, 1000, JSON.createArrayNode()))
        .isInstanceOf(IntegrationFailure.class).hasMessageContaining("Line 3 is not valid JSON");
  }
}
