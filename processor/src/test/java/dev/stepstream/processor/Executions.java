package dev.stepstream.processor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.engine.Decision;
import dev.stepstream.engine.EngineOptions;
import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.Interpreter;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TaskTokenKeys;
import dev.stepstream.wire.WireJson;
import dev.stepstream.wire.WireRecord;

/** Real execution states for unit tests, from the interpreter alone (no Kafka). */
final class Executions {
  static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Unit";
  static final String PASS = """
      {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}
      """;
  static final String TASK = """
      {"StartAt": "Work", "States": {
        "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Work", "End": true}}}
      """;

  private final Interpreter interpreter = new Interpreter(EngineOptions.defaults());
  private final DefinitionCache definitions;

  Executions(String definitionJson) {
    byte[] machine = WireJson.encode(new StateMachineRecord(1, MACHINE, "Unit", StateMachineRecord.KIND_STATE_MACHINE,
        definitionJson, "STANDARD", "arn:aws:iam::123456789012:role/test", "r1", 1L, 1L));
    this.definitions = new DefinitionCache(arn -> MACHINE.equals(arn) ? machine : null);
  }

  static String arn(String name) {
    return "arn:aws:states:us-east-1:123456789012:execution:Unit:" + name;
  }

  static StartExecution startOf(String name, long requestedAt) {
    return new StartExecution(1, arn(name), MACHINE, name, JsonNodeFactory.instance.objectNode(), requestedAt);
  }

  static final TaskTokenKeys TOKEN_KEYS = TaskTokenKeys.generate();

  Decision start(String name, long nowMillis) {
    return apply(null, startOf(name, nowMillis), nowMillis);
  }

  Decision apply(ExecutionState state, WireRecord input, long nowMillis) {
    String arn = state == null ? ((StartExecution) input).executionArn() : state.executionArn();
    return interpreter.apply(state, input, ProcessorEngineContext.of(nowMillis, arn, state, definitions, TOKEN_KEYS));
  }
}
