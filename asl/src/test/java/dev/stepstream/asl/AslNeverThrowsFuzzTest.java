package dev.stepstream.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.asl.diag.Severity;
import dev.stepstream.asl.testing.Definitions;
import dev.stepstream.asl.testing.FakeCompiler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid definitions in many ways (deleted, replaced, duplicated and renamed fields, wrong
 * types, deep nesting, huge strings, random JSON, corrupted text) and checks that compiling never
 * throws and stays consistent. Seeded, so a failure names the seed that reproduces it. (jqwik is
 * not on the module's test classpath, so this is a plain seeded fuzz loop.)
 */
class AslNeverThrowsFuzzTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> SEEDS = List.of(
      "{'StartAt':'A','States':{'A':{'Type':'Pass','Result':{'x':1},'ResultPath':'$.r','Next':'C'},"
          + "'C':{'Type':'Choice','Choices':[{'And':[{'Variable':'$.r.x','NumericEquals':1},{'Not':{'Variable':'$.y','IsPresent':true}}],"
          + "'Next':'T'}],'Default':'F'},"
          + "'T':{'Type':'Task','Resource':'arn:aws:lambda:REGIAO:ID:function:SalvarImagem','Parameters':{'a.$':'$.r'},"
          + "'Retry':[{'ErrorEquals':['States.ALL'],'MaxAttempts':2}],'Catch':[{'ErrorEquals':['States.ALL'],'Next':'F'}],'Next':'W'},"
          + "'W':{'Type':'Wait','Seconds':1,'Next':'P'},"
          + "'P':{'Type':'Parallel','Branches':[{'StartAt':'B','States':{'B':{'Type':'Succeed'}}}],'Next':'M'},"
          + "'M':{'Type':'Map','ItemsPath':'$.items','ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
          + "'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}},'Label':'L','End':true},"
          + "'F':{'Type':'Fail','Error':'E','Cause':'c'}}}",
      "{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
          + "'Arguments':{'p':'{% $states.input %}'},'Output':'{% $states.result %}','Assign':{'v':1},'Next':'C'},"
          + "'C':{'Type':'Choice','Choices':[{'Condition':'{% true %}','Next':'W'}],'Default':'S'},"
          + "'W':{'Type':'Wait','Timestamp':'{% $t %}','Next':'M'},"
          + "'M':{'Type':'Map','Items':'{% [1,2] %}','ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Succeed'}}},'Next':'S'},"
          + "'S':{'Type':'Succeed'}}}");

  @Test
  void compilingAMutatedDefinitionNeverThrows() throws Exception {
    for (long seed = 0; seed < 600; seed++) {
      Random random = new Random(seed);
      JsonNode definition = MAPPER.readTree(Definitions.json(SEEDS.get(random.nextInt(SEEDS.size()))));
      for (int i = 1 + random.nextInt(6); i > 0; i--) {
        definition = mutate(definition, random);
      }
      assertConsistent(seed, Asl.compile(definition, new FakeCompiler()));
      assertConsistent(seed, Asl.compile(MAPPER.writeValueAsString(definition), new FakeCompiler()));
      assertConsistent(seed, Asl.compile(definition));
    }
  }

  @Test
  void compilingTruncatedOrCorruptedTextNeverThrows() {
    for (long seed = 0; seed < 400; seed++) {
      Random random = new Random(seed);
      assertConsistent(seed, Asl.compile(corrupt(random), new FakeCompiler()));
    }
  }

  @Test
  void compilingArbitraryTextNeverThrows() {
    for (long seed = 0; seed < 400; seed++) {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder();
      String alphabet = "{}[]\":,0aStTrue-.$ \n";
      for (int i = random.nextInt(60); i > 0; i--) {
        text.append(random.nextBoolean() ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) random.nextInt(0x3000));
      }
      assertConsistent(seed, Asl.compile(text.toString(), new FakeCompiler()));
    }
  }

  private static String corrupt(Random random) {
    StringBuilder text = new StringBuilder(Definitions.json(SEEDS.get(random.nextInt(SEEDS.size()))));
    int cut = random.nextInt(text.length());
    if (random.nextBoolean()) {
      text.setLength(cut);
    } else {
      String noise = "{}[]\",:\\x0";
      text.setCharAt(cut, noise.charAt(random.nextInt(noise.length())));
    }
    return text.toString();
  }

  private static void assertConsistent(long seed, ValidationResult result) {
    boolean hasErrors = result.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR);
    assertThat(result.stateMachine().isPresent()).as("seed %d", seed).isEqualTo(!hasErrors);
    // Asl.compile turns unexpected exceptions into INTERNAL_ERROR, so that code must never appear.
    assertThat(result.diagnostics()).as("seed %d", seed).noneMatch(d -> d.code().equals("INTERNAL_ERROR"));
  }

  private static JsonNode mutate(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collectContainers(root, containers);
    if (containers.isEmpty()) {
      return randomValue(random, 0);
    }
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ObjectNode object && !object.isEmpty()) {
      mutateObject(object, random);
    } else if (target instanceof ArrayNode array) {
      if (!array.isEmpty() && random.nextBoolean()) {
        array.remove(random.nextInt(array.size()));
      } else {
        array.add(randomValue(random, 0));
      }
    } else if (target instanceof ObjectNode object) {
      object.set("Type", randomValue(random, 0));
    }
    return random.nextInt(40) == 0 ? randomValue(random, 0) : root;
  }

  private static void mutateObject(ObjectNode object, Random random) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    String name = names.get(random.nextInt(names.size()));
    switch (random.nextInt(5)) {
      case 0 -> object.remove(name);
      case 1 -> object.set(name, randomValue(random, 0));
      case 2 -> object.set(name + (random.nextBoolean() ? "Path" : "2"), object.get(name).deepCopy());
      case 3 -> object.set(randomFieldName(random), randomValue(random, 0));
      default -> object.set(name, deepNesting(random.nextInt(200)));
    }
  }

  private static String randomFieldName(Random random) {
    String[] names = {"Next", "End", "Type", "Default", "InputPath", "ResultPath", "Parameters", "Arguments", "Output", "Items",
        "ItemsPath", "Retry", "Catch", "Branches", "ItemProcessor", "Iterator", "Choices", "Seconds", "Timestamp", "Error",
        "QueryLanguage", "TimeoutSeconds", "HeartbeatSeconds", "Variable", "StringMatches", "And", "Not", "Condition",
        "ProcessorConfig", "StartAt", "States", "ErrorEquals", "MaxAttempts", "BackoffRate", "Label", "ToleratedFailureCount"};
    return names[random.nextInt(names.length)];
  }

  private static JsonNode randomValue(Random random, int depth) {
    return switch (depth > 3 ? random.nextInt(6) : random.nextInt(9)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.numberNode(random.nextInt(200) - 100);
      case 3 -> NODES.numberNode(random.nextDouble() * 1e20);
      case 4 -> NODES.textNode(randomText(random));
      case 5 -> NODES.textNode("x".repeat(random.nextInt(100_000)));
      case 6 -> {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(randomValue(random, depth + 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          object.set(randomFieldName(random), randomValue(random, depth + 1));
        }
        yield object;
      }
    };
  }

  private static String randomText(Random random) {
    String[] texts = {"", "$", "$.a", "$$.Map.Item.Value", "{% 1 %}", "{% !! %}", "A", "M", "States.ALL", "arn:aws:states:::a:b",
        "2016-03-14T01:59:00Z", "JSONata", "JSONPath", "DISTRIBUTED", "INLINE", "*", "\\", "nope", "Pass", "Map", "Choice"};
    return texts[random.nextInt(texts.length)];
  }

  private static JsonNode deepNesting(int depth) {
    JsonNode node = NODES.textNode("bottom");
    for (int i = 0; i < depth; i++) {
      node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("Not", node);
    }
    return node;
  }

  private static void collectContainers(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collectContainers(it.next(), out);
      }
    }
  }
}
