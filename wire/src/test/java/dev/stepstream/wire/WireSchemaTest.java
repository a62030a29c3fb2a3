package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WireSchemaTest {
  private static final String ID_PREFIX = "https://stepstream.dev/schemas/";
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          b -> b.schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:stepstream/schemas/")));

  static Stream<WireRecord> samples() {
    return SampleRecords.all().stream();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void shouldMatchItsJsonSchemaWhenEncoded(WireRecord record) {
    JsonNode json = WireJson.toTree(record);

    assertThat(errors(schemaFor(record.getClass()), json)).isEmpty();
    assertThat(json.path("type").asText()).isEqualTo(typeName(record.getClass()));
    assertThat(json.path("version").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void shouldDecodeToAnEqualRecord(WireRecord record) {
    byte[] bytes = WireJson.encode(record);

    assertThat(WireJson.decode(bytes, WireRecord.class)).isEqualTo(record);
  }

  @Test
  void shouldHaveASampleAndASchemaForEveryRecordType() {
    Set<Class<?>> sampled = SampleRecords.all().stream().map(Object::getClass).collect(Collectors.toSet());

    assertThat(sampled).containsExactlyInAnyOrderElementsOf(leafTypes(WireRecord.class));
    for (Class<?> type : sampled) {
      assertThat(WireSchemaTest.class.getResource("/stepstream/schemas/" + fileName(typeName(type))))
          .as("schema for %s", typeName(type))
          .isNotNull();
    }
  }

  @Test
  void shouldRejectARecordWithAFieldTheSchemaDoesNotKnow() {
    ObjectNode json = (ObjectNode) WireJson.toTree(SampleRecords.all().get(6));
    json.put("surprise", true);

    assertThat(errors(schemaFor(TimerFired.class), json)).isNotEmpty();
  }

  @Test
  void shouldAcceptEveryCommandThroughTheCommandUnionSchema() {
    Schema union = REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + "command.schema.json"));

    SampleRecords.all().stream()
        .filter(Command.class::isInstance)
        .forEach(c -> assertThat(errors(union, WireJson.toTree(c))).as(c.toString()).isEmpty());
    assertThat(errors(union, WireJson.toTree(SampleRecords.all().get(8)))).isNotEmpty();
  }

  private static Schema schemaFor(Class<?> type) {
    return REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + fileName(typeName(type))));
  }

  /** The record's {@code type} in JSON: its simple name unless {@code @JsonTypeName} says otherwise. */
  private static String typeName(Class<?> type) {
    JsonTypeName name = type.getAnnotation(JsonTypeName.class);
    return name == null ? type.getSimpleName() : name.value();
  }

  private static List<Error> errors(Schema schema, JsonNode json) {
    return schema.validate(json);
  }

  static String fileName(String simpleName) {
    return Pattern.compile("(?<!^)(?=[A-Z])").matcher(simpleName).replaceAll("-").toLowerCase() + ".schema.json";
  }

  private static Set<Class<?>> leafTypes(Class<?> sealedType) {
    return Arrays.stream(sealedType.getPermittedSubclasses())
        .flatMap(c -> c.isSealed() ? leafTypes(c).stream() : Stream.of(c))
        .collect(Collectors.toSet());
  }
}
