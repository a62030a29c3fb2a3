package dev.stepstream.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawJsonTest {
  record Order(int order, String note) {}

  @Test
  void shouldReadTheSameBytesAsATreeOrATypedValueOnDemand() {
    RawJson json = RawJson.of("{\"order\": 42, \"note\": \"é\", \"unknown\": true}");

    assertThat(json.tree().get("order").asInt()).isEqualTo(42);
    assertThat(json.tree()).isSameAs(json.tree());
    assertThat(json.as(Order.class)).isEqualTo(new Order(42, "é"));
    assertThat(json.as(new TypeReference<Map<String, Object>>() {})).containsEntry("order", 42);
    assertThat(json.toString()).isEqualTo("{\"order\": 42, \"note\": \"é\", \"unknown\": true}");
    assertThat(new String(json.bytes(), StandardCharsets.UTF_8)).isEqualTo(json.toString());
  }

  @Test
  void shouldAcceptExactlyOneJsonValue() {
    for (String valid : List.of("null", "0", "\"s\"", "[]", " {\"a\": [1, {}]} ")) {
      assertThat(RawJson.of(valid).tree()).as(valid).isNotNull();
    }
    for (String invalid : List.of("", "  ", "{", "{\"a\":}", "1 2", "{} {}", "nul", "'single'")) {
      assertThatThrownBy(() -> RawJson.of(invalid)).as(invalid).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("RawJson needs one JSON value");
    }
    assertThatThrownBy(() -> RawJson.of((byte[]) null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RawJson.ofChecked("{".getBytes(StandardCharsets.UTF_8), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldSayWhichTypeAValueDoesNotFit() {
    assertThatThrownBy(() -> RawJson.of("[1]").as(Order.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the JSON value is not a Order");
  }

  @Test
  void shouldBeEqualForEqualBytes() {
    assertThat(RawJson.of("{\"a\":1}")).isEqualTo(RawJson.of("{\"a\":1}")).hasSameHashCodeAs(RawJson.of("{\"a\":1}"));
    assertThat(RawJson.of("{\"a\":1}")).isNotEqualTo(RawJson.of("{\"a\": 1}"));
  }
}
