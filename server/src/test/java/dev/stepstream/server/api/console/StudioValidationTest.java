package dev.stepstream.server.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import org.junit.jupiter.api.Test;

/** POST /api/validate: diagnostics located by JSON pointer for the Workflow Studio. */
class StudioValidationTest {
  private final StudioValidation validation = new StudioValidation();

  private JsonNode validate(String definition, String type) {
    return validation.validate(AwsJson.write(AwsJson.object().put("definition", definition).put("type", type)));
  }

  @Test
  void shouldLocateAChoiceRuleTargetByJsonPointerWithEscapedStateNames() {
    JsonNode out = validate("""
        {"StartAt":"a/b","States":{"a/b":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,"Next":"Nope"}],
        "Default":"End"},"End":{"Type":"Succeed"}}}""", "STANDARD");

    assertThat(out.path("result").asText()).isEqualTo("FAIL");
    assertThat(out.path("diagnostics")).anySatisfy(d -> {
      assertThat(d.path("location").asText()).isEqualTo("/States/a~1b/Choices/0/Next");
      assertThat(d.path("severity").asText()).isEqualTo("ERROR");
    });
  }

  @Test
  void shouldAnswerOkWithNoDiagnosticsForAValidDefinition() {
    JsonNode out = validate("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}", "EXPRESS");

    assertThat(out.toString()).isEqualTo("{\"result\":\"OK\",\"diagnostics\":[],\"truncated\":false}");
  }

  @Test
  void shouldRefuseABodyWithoutDefinition() {
    assertThatThrownBy(() -> validation.validate("{}"))
        .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.errorName()).isEqualTo("ValidationException"));
    assertThatThrownBy(() -> validation.validate("not json"))
        .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.errorName()).isEqualTo("SerializationException"));
  }
}
