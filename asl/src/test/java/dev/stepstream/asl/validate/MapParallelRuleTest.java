package dev.stepstream.asl.validate;

import static dev.stepstream.asl.testing.Definitions.assertHas;
import static dev.stepstream.asl.testing.Definitions.assertValid;
import static dev.stepstream.asl.testing.Definitions.compile;
import static dev.stepstream.asl.testing.Definitions.compileStates;

import dev.stepstream.asl.ValidationResult;
import org.junit.jupiter.api.Test;

class MapParallelRuleTest {
  private static final String PROCESSOR = "'StartAt':'X','States':{'X':{'Type':'Succeed'}}";

  private static ValidationResult map(String fields, String processorConfig) {
    return compileStates("M", "'M':{'Type':'Map'," + fields + "'ItemProcessor':{" + processorConfig + PROCESSOR + "},'End':true}");
  }

  private static final String DISTRIBUTED = "'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},";

  @Test
  void shouldRequireNonEmptyBranches() {
    assertHas(compileStates("P", "'P':{'Type':'Parallel','End':true}"), "MISSING_REQUIRED_FIELD", "/States/P");
    assertHas(compileStates("P", "'P':{'Type':'Parallel','Branches':[],'End':true}"), "INVALID_VALUE", "/States/P/Branches");
    assertHas(compileStates("P", "'P':{'Type':'Parallel','Branches':[1],'End':true}"), "INVALID_TYPE", "/States/P/Branches/0");
  }

  @Test
  void shouldRequireAnItemProcessor() {
    assertHas(compileStates("M", "'M':{'Type':'Map','End':true}"), "MISSING_REQUIRED_FIELD", "/States/M");
    assertHas(compileStates("M", "'M':{'Type':'Map','Iterator':{" + PROCESSOR + "},'ItemProcessor':{" + PROCESSOR + "},'End':true}"),
        "CONFLICTING_FIELDS", "/States/M/Iterator");
  }

  @Test
  void shouldAcceptTheLegacyIteratorAndParametersInJsonPath() {
    assertValid(compileStates("M", "'M':{'Type':'Map','Parameters':{'v.$':'$$.Map.Item.Value'},'Iterator':{" + PROCESSOR + "},'End':true}"));
  }

  @Test
  void shouldCheckProcessorConfig() {
    assertHas(map("", "'ProcessorConfig':{'Mode':'Inline'},"), "INVALID_VALUE", "/States/M/ItemProcessor/ProcessorConfig/Mode");
    assertHas(map("", "'ProcessorConfig':{'Mode':'DISTRIBUTED'},"), "MISSING_REQUIRED_FIELD", "/States/M/ItemProcessor/ProcessorConfig");
    assertHas(map("", "'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'FAST'},"),
        "INVALID_VALUE", "/States/M/ItemProcessor/ProcessorConfig/ExecutionType");
    assertHas(map("", "'ProcessorConfig':{'Mode':'INLINE','ExecutionType':'EXPRESS'},"),
        "FIELD_REQUIRES_DISTRIBUTED_MAP", "/States/M/ItemProcessor/ProcessorConfig/ExecutionType");
  }

  @Test
  void shouldKeepDistributedOnlyFieldsOutOfInlineMaps() {
    assertHas(map("'Label':'x',", ""), "FIELD_REQUIRES_DISTRIBUTED_MAP", "/States/M/Label");
    assertHas(map("'ItemReader':{'Resource':'arn:aws:states:::s3:listObjectsV2'},", "'ProcessorConfig':{'Mode':'INLINE'},"),
        "FIELD_REQUIRES_DISTRIBUTED_MAP", "/States/M/ItemReader");
    assertValid(map("'ItemReader':{'Resource':'arn:aws:states:::s3:listObjectsV2'},'ToleratedFailureCount':0,'Label':'x',", DISTRIBUTED));
  }

  @Test
  void shouldAcceptToleratedFailuresOnAnInlineMapInJsonata() {
    String head = "{'QueryLanguage':'JSONata','StartAt':'M','States':{'M':{'Type':'Map','Items':[1,2],";
    String tail = "'ItemProcessor':{" + PROCESSOR + "},'End':true}}}";

    assertValid(compile(head + "'ToleratedFailureCount':1,'ToleratedFailurePercentage':50," + tail));
    assertValid(compile(head + "'ToleratedFailurePercentage':'{% 10 %}'," + tail));
    assertHas(compile(head + "'Label':'x'," + tail), "FIELD_REQUIRES_DISTRIBUTED_MAP", "/States/M/Label");
  }

  @Test
  void shouldKeepToleratedFailuresOutOfAnInlineMapInJsonPath() {
    assertHas(map("'ToleratedFailureCount':1,", ""), "FIELD_REQUIRES_DISTRIBUTED_MAP", "/States/M/ToleratedFailureCount");
    assertHas(map("'ToleratedFailurePercentagePath':'$.p',", ""), "FIELD_REQUIRES_DISTRIBUTED_MAP", "/States/M/ToleratedFailurePercentagePath");
  }

  @Test
  void shouldCheckMapRanges() {
    assertHas(map("'MaxConcurrency':-1,", ""), "INVALID_VALUE", "/States/M/MaxConcurrency");
    assertHas(map("'ToleratedFailurePercentage':101,", DISTRIBUTED), "INVALID_VALUE", "/States/M/ToleratedFailurePercentage");
    assertHas(map("'ToleratedFailureCount':-1,", DISTRIBUTED), "INVALID_VALUE", "/States/M/ToleratedFailureCount");
    assertHas(map("'Label':'" + "l".repeat(41) + "',", DISTRIBUTED), "INVALID_VALUE", "/States/M/Label");
    assertHas(map("'MaxConcurrency':1,'MaxConcurrencyPath':'$.m',", ""), "CONFLICTING_FIELDS", "/States/M/MaxConcurrencyPath");
  }

  @Test
  void shouldUseItemsInJsonataAndItemsPathInJsonPath() {
    String jsonata = "{'QueryLanguage':'JSONata','StartAt':'M','States':{'M':{'Type':'Map',%s,'ItemProcessor':{" + PROCESSOR + "},'End':true}}}";
    assertValid(compile(jsonata.formatted("'Items':'{% $states.input.list %}'")));
    assertValid(compile(jsonata.formatted("'Items':[1,2,3]")));
    assertHas(compile(jsonata.formatted("'Items':'list'")), "INVALID_TYPE", "/States/M/Items");
    assertHas(compile(jsonata.formatted("'ItemsPath':'$.list'")), "FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE", "/States/M/ItemsPath");
    assertHas(map("'Items':[1],", ""), "FIELD_NOT_ALLOWED_IN_QUERY_LANGUAGE", "/States/M/Items");
  }

  @Test
  void shouldValidateNestedStatesRecursively() {
    assertHas(compileStates("P", "'P':{'Type':'Parallel','End':true,'Branches':[{'StartAt':'X','States':{"
        + "'X':{'Type':'Map','End':true,'ItemProcessor':{'StartAt':'Y','States':{'Y':{'Type':'Wait','End':true}}}}}}]}"),
        "MISSING_REQUIRED_FIELD", "/States/P/Branches/0/States/X/ItemProcessor/States/Y");
  }
}
