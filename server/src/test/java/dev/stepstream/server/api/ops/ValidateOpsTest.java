package dev.stepstream.server.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.Operation;
import dev.stepstream.server.api.aws.RequestFields;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ValidateStateMachineDefinition answers as AWS does. Expected bodies: LocalStack's
 * test_sfn_api_validation snapshots (recorded on AWS, 19-10-2025) and floci-io/floci PR #2786
 * (measured on AWS).
 */
class ValidateOpsTest {

  private static JsonNode validate(String definition, String type) {
    Map<String, Operation> ops = new HashMap<>();
    new ValidateOps().register(ops);
    return ops.get("ValidateStateMachineDefinition")
        .handle(new RequestFields(AwsJson.object().put("definition", definition).put("type", type)));
  }

  @Test
  void shouldAnswerABlankDefinitionWithoutLocation() {
    assertThat(validate(" ", "STANDARD").toString()).isEqualTo("{\"result\":\"FAIL\",\"diagnostics\":[{\"severity\":\"ERROR\","
        + "\"code\":\"SCHEMA_VALIDATION_FAILED\",\"message\":\"Definition must be a valid JSON object\"}],\"truncated\":false}");
  }

  @Test
  void shouldAnswerUnparsableJsonWithInvalidJsonDescription() {
    JsonNode d = validate("not a definition", "STANDARD").path("diagnostics").get(0);

    assertThat(d.path("code").asText()).isEqualTo("INVALID_JSON_DESCRIPTION");
    assertThat(d.path("location").asText()).isEqualTo("[Source: (String)\"not a definition\"; line: 1, column: 4]");
    assertThat(d.path("message").asText()).isEqualTo("Unrecognized token 'not': was expecting (JSON String, Number, Array, "
        + "Object or token 'null', 'true' or 'false')\n at [Source: (String)\"not a definition\"; line: 1, column: 4]");
  }

  @Test
  void shouldNameBothMissingTopLevelFields() {
    assertThat(validate("{}", "STANDARD").toString()).isEqualTo("{\"result\":\"FAIL\",\"diagnostics\":[{\"severity\":\"ERROR\","
        + "\"code\":\"SCHEMA_VALIDATION_FAILED\",\"message\":\"These fields are required: [States, StartAt]\",\"location\":\"/\"}],"
        + "\"truncated\":false}");
  }

  @Test
  void shouldApplyTheExpressRulesOnlyForTypeExpress() {
    String definition = """
        {"StartAt":"SendMessageWithWait","States":{"SendMessageWithWait":{"Type":"Task",
        "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters":{"QueueUrl.$":"$.QueueUrl","MessageBody":{"TaskToken.$":"$$.Task.Token"}},"End":true}}}""";

    assertThat(validate(definition, "EXPRESS").toString()).isEqualTo("{\"result\":\"FAIL\",\"diagnostics\":[{\"severity\":\"ERROR\","
        + "\"code\":\"SCHEMA_VALIDATION_FAILED\",\"message\":\"Express state machine does not support '.waitForTaskToken' "
        + "service integration \",\"location\":\"/States/SendMessageWithWait/Resource\"}],\"truncated\":false}");
    assertThat(validate(definition, "STANDARD").toString()).isEqualTo("{\"result\":\"OK\",\"diagnostics\":[],\"truncated\":false}");
  }

  @Test
  void shouldLocateAJsonPathStateUnderAJsonataMachineAtTheState() {
    String definition = """
        {"StartAt":"Pass","States":{"Pass":{"Type":"Pass","End":true,"QueryLanguage":"JSONPath"}},"QueryLanguage":"JSONata"}""";

    JsonNode d = validate(definition, "STANDARD").path("diagnostics").get(0);
    assertThat(d.path("location").asText()).isEqualTo("/States/Pass");
    assertThat(d.path("message").asText()).isEqualTo("'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine");
  }

  @Test
  void shouldListAMissingTargetBeforeTheMissingEndState() {
    JsonNode out = validate("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"NOPE\"}}}", "STANDARD");

    assertThat(out.path("diagnostics").toString()).isEqualTo("[{\"severity\":\"ERROR\",\"code\":\"MISSING_TRANSITION_TARGET\","
        + "\"message\":\"Missing 'Next' target: NOPE\",\"location\":\"/States/A/Next\"},{\"severity\":\"ERROR\","
        + "\"code\":\"MISSING_END_STATE\",\"message\":\"Workflow has no terminal state\"}]");
  }

  @Test
  void shouldKeepJsonPointersAndOwnCodesInTheCliResponse() {
    JsonNode out = ValidateOps.response(dev.stepstream.asl.Asl.compile(
        "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.x\",\"IsNull\":true,"
            + "\"Next\":\"NOPE\"}],\"Default\":\"D\"},\"D\":{\"Type\":\"Succeed\"}}}").diagnostics(), false, 100);

    assertThat(out.path("diagnostics").get(0).path("location").asText()).isEqualTo("/States/C/Choices/0/Next");
    assertThat(out.path("diagnostics").get(0).path("code").asText()).isEqualTo("MISSING_TRANSITION_TARGET");
  }

  @Test
  void shouldRefuseMoreThanAHundredResultsAndTruncate() {
    Map<String, Operation> ops = new HashMap<>();
    new ValidateOps().register(ops);
    JsonNode body = AwsJson.object().put("definition", "{}").put("maxResults", 101);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ops.get("ValidateStateMachineDefinition").handle(new RequestFields(body)))
        .isInstanceOf(dev.stepstream.server.api.aws.AwsException.class)
        .hasMessageContaining("Member must have value less than or equal to 100");
    JsonNode two = ValidateOps.awsResponse(dev.stepstream.asl.Asl.compile(
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"NOPE\"}}}").diagnostics(), false, 1);
    assertThat(two.path("diagnostics").size()).isEqualTo(1);
    assertThat(two.path("truncated").asBoolean()).isTrue();
  }
}
