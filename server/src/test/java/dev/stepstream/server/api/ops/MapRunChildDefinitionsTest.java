package dev.stepstream.server.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ItemProcessor a Map Run's child runs, found in the parent's definition by the Map's label. */
class MapRunChildDefinitionsTest {
  private static final String PARENT = """
      {"QueryLanguage":"JSONata","StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
        {"StartAt":"A","States":{"A":{"Type":"Map","Label":"First","End":true,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"X","States":{"X":{"Type":"Succeed"}}}}}},
        {"StartAt":"B","States":{"B":{"Type":"Map","End":true,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"Y","States":{"Y":{"Type":"Succeed"}}}}}}]}}}""";

  @Test
  void shouldFindTheDistributedMapByItsLabelInsideParallelBranches() {
    assertThat(MapRunChildDefinitions.itemProcessor(PARENT, "First")).contains(
        "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Succeed\"}}}");
  }

  @Test
  void shouldTakeTheOnlyUnlabelledDistributedMapForAGeneratedLabel() {
    assertThat(MapRunChildDefinitions.itemProcessor(PARENT, "0f1e2d3c-0000-4000-8000-000000000001"))
        .hasValueSatisfying(definition -> assertThat(definition).contains("\"StartAt\":\"Y\""));
  }

  @Test
  void shouldGiveTheLabelOfAChildStateMachineArn() {
    assertThat(MapRunChildDefinitions.label("arn:aws:states:us-east-1:123456789012:stateMachine:M/Items"))
        .isEqualTo("Items");
  }
}
