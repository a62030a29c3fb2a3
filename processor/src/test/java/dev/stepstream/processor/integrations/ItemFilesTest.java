package dev.stepstream.processor.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** ItemReader file formats; causes marked "recorded" come from AWS recordings (LocalStack snapshots). */
class ItemFilesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void shouldReadAJsonArrayUpToMaxItems() throws Exception {
    assertThat(ItemFiles.parse("[1,{\"a\":2},\"x\"]", json("{\"InputType\":\"JSON\",\"MaxItems\":2}")))
        .isEqualTo(json("[1,{\"a\":2}]"));
  }

  @Test
  void shouldRefuseAJsonFileThatIsNotAnArrayWithAwsCause() {
    assertThatThrownBy(() -> ItemFiles.parse("{\"a\":1}", json("{\"InputType\":\"JSON\"}")))
        .isInstanceOfSatisfying(IntegrationFailure.class, e -> {
          assertThat(e.error()).isEqualTo("States.ItemReaderFailed");
          assertThat(e.getMessage()).isEqualTo("Attempting to map over non-iterable node.");
        });
  }

  @Test
  void shouldReadJsonLinesSkippingBlankLines() throws Exception {
    assertThat(ItemFiles.parse("{\"n\":1}\r\n\n\"two\"\n3\n", json("{\"InputType\":\"JSONL\"}")))
        .isEqualTo(json("[{\"n\":1},\"two\",3]"));
  }

  @Test
  void shouldFailOnAMalformedJsonLineNamingTheLine() {
    assertThatThrownBy(() -> ItemFiles.parse("{\"n\":1}\n{oops\n", json("{\"InputType\":\"JSONL\"}")))
        .isInstanceOfSatisfying(IntegrationFailure.class, e -> {
          assertThat(e.error()).isEqualTo("States.ItemReaderFailed");
          assertThat(e.getMessage()).startsWith("Line 2 is not valid JSON");
        });
  }

  @Test
  void shouldReadCsvWithHeadersInTheFirstRowKeepingValuesAsText() throws Exception {
    String csv = "Col1,Col2\nValue1,\"Va,l\"\"ue2\"\n3,true\n";
    assertThat(ItemFiles.parse(csv, json("{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"FIRST_ROW\"}")))
        .isEqualTo(json("[{\"Col1\":\"Value1\",\"Col2\":\"Va,l\\\"ue2\"},{\"Col1\":\"3\",\"Col2\":\"true\"}]"));
  }

  @Test
  void shouldReadCsvWithGivenHeadersDroppingExtraFieldsAndFillingMissingOnes() throws Exception {
    JsonNode config = json("{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"GIVEN\",\"CSVHeaders\":[\"H1\",\"H2\"]}");
    assertThat(ItemFiles.parse("a,b,c\nd\n", config)).isEqualTo(json("[{\"H1\":\"a\",\"H2\":\"b\"},{\"H1\":\"d\",\"H2\":\"\"}]"));
  }

  @Test
  void shouldReadCsvWithAnotherDelimiterAndMaxItems() throws Exception {
    JsonNode config = json("{\"InputType\":\"CSV\",\"CSVDelimiter\":\"PIPE\",\"MaxItems\":1}");
    assertThat(ItemFiles.parse("a|b\n1|2\n3|4\n", config)).isEqualTo(json("[{\"a\":\"1\",\"b\":\"2\"}]"));
  }

  @Test
  void shouldRefuseDuplicateCsvHeadersWithAwsCause() {
    assertThatThrownBy(() -> ItemFiles.parse("x\n", json(
        "{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"GIVEN\",\"CSVHeaders\":[\"H\",\"H\"]}")))
        .hasMessage("CSV headers cannot contain duplicates.");
  }

  @Test
  void shouldTreatMaxItemsZeroAsAllAndRefuseNegativeWithAwsCause() throws Exception {
    assertThat(ItemFiles.parse("[1,2,3]", json("{\"MaxItems\":0}"))).hasSize(3);
    assertThatThrownBy(() -> ItemFiles.parse("[1]", json("{\"MaxItems\":-1}")))
        .hasMessage("field MaxItems must be positive");
  }

  @Test
  void shouldKeepLineBreaksInsideQuotedCsvFields() throws Exception {
    assertThat(ItemFiles.parse("a,b\r\n\"line1\nline2\",x\r\n", json("{\"InputType\":\"CSV\"}")))
        .isEqualTo(json("[{\"a\":\"line1\\nline2\",\"b\":\"x\"}]"));
  }
}
