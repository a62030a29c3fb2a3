package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTreeWriterTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void shouldWriteTheBytesOfTheMappersTreeSerialiser() throws Exception {
    ObjectNode numbers = JSON.objectNode().put("i", -7).put("l", 12_345_678_901L).put("s", (short) 3)
        .put("f", 1.5f).put("d", 0.1).put("e", -3e10).put("nan", Double.NaN).put("inf", Float.NEGATIVE_INFINITY);
    numbers.put("bi", new BigInteger("123456789012345678901234567890"));
    numbers.put("bd", new BigDecimal("1.10")).put("sci", new BigDecimal("1E+3")).put("neg", new BigDecimal("-0.000"));
    ObjectNode mixed = JSON.objectNode().put("t\u00e9xt \"q\" \n\u0001", "\u2603 \uD83D\uDE00 </script>")
        .put("yes", true).put("no", false).putNull("none");
    mixed.putArray("empty");
    mixed.putObject("nested").putArray("a").add(1).add(JSON.objectNode()).add(JSON.arrayNode().add("x")).addNull();
    mixed.set("numbers", numbers);
    mixed.set("bytes", JSON.binaryNode(new byte[] {1, 2, 3}));
    mixed.set("pojo", JSON.pojoNode(List.of("a", 1)));

    for (JsonNode node : List.of(mixed, numbers, JSON.textNode("just text"), JSON.numberNode(42), JSON.nullNode(),
        JSON.arrayNode(), WireJson.mapper().readTree("{\"a\":[1,2.50,-3e10,12345678901234567890,0.1,1e400]}"))) {
      assertThat(walked(node)).isEqualTo(new String(WireJson.mapper().writeValueAsBytes(node), StandardCharsets.UTF_8));
    }
  }

  private static String walked(JsonNode node) throws Exception {
    try (ByteArrayBuilder out = new ByteArrayBuilder(); JsonGenerator g = WireJson.mapper().getFactory().createGenerator(out)) {
      JsonTreeWriter.write(g, node);
      g.flush();
      return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
  }
}
