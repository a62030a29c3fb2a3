package dev.stepstream.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/** One realistic sample of every wire record type, used to pin code and schemas together. */
final class SampleRecords {
  static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:ImagePipeline";
  static final String EXECUTION = "arn:aws:states:us-east-1:123456789012:execution:ImagePipeline:run-1";
  private static final String MAP_RUN =
      "arn:aws:states:us-east-1:123456789012:mapRun:ImagePipeline/Items:0f1e2d3c-0000-4000-8000-000000000001";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SampleRecords() {}

  static List<WireRecord> all() {
    JsonNode input = JSON.objectNode().put("imagem", "gato.png").put("tamanho", 1024);
    return List.of(
        new StateMachineRecord(1, MACHINE, "ImagePipeline", StateMachineRecord.KIND_STATE_MACHINE,
            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}", "STANDARD",
            "arn:aws:iam::123456789012:role/sfn", "r1", 1_764_000_000_000L, 1_764_000_000_000L),
        new StateMachineRecord(1, "arn:aws:states:us-east-1:123456789012:activity:Approve", "Approve",
            StateMachineRecord.KIND_ACTIVITY, null, null, null, null, 1L, 1L),
        new StartExecution(1, EXECUTION, MACHINE, "run-1", input, 1_764_000_000_123L),
        new StopExecution(1, EXECUTION, "User.Cancelled", "no longer needed", 5L),
        new StopExecution(1, EXECUTION, null, null, 5L),
        new RedriveExecution(1, EXECUTION, 6L),
        new TimerFired(1, EXECUTION, "wait-7", 7L),
        new Continue(1, EXECUTION, 3L),
        new TaskSucceeded(1, EXECUTION, "tok-1", JSON.objectNode().put("thumbnail", "/tmp/t.png")),
        new TaskSucceeded(1, EXECUTION, "tok-1", JSON.nullNode()),
        new TaskFailed(1, EXECUTION, "tok-2", "Image.TooLarge", "image is 30 MB"),
        new TaskHeartbeat(1, EXECUTION, "tok-3"),
        new TaskHeartbeat(1, EXECUTION, "tok-3", "worker-7"),
        new TaskRequest(1, EXECUTION, "tok-4", "arn:aws:lambda:REGIAO:ID:function:SalvarImagem",
            "SalvarImagem", "SalvarImagem", input, 1, 300L, 60L,
            JSON.objectNode().set("Execution", JSON.objectNode().put("Id", EXECUTION)), 8L),
        new TaskRequest(1, EXECUTION, "tok-5", "arn:aws:lambda:REGIAO:ID:function:SalvarImagem",
            "SalvarImagem", "SalvarImagem", JSON.arrayNode(), 2, null, null, null, 9L),
        new HistoryEvent(1, EXECUTION, 2, 1, 10L, "TaskStateEntered", "stateEnteredEventDetails",
            JSON.objectNode().put("name", "SalvarImagem").put("input", "{}")),
        new HistoryEvent(1, EXECUTION, 3, 2, 11L, "ParallelStateStarted", null, null),
        HistoryBatch.of(EXECUTION, List.of(
            new HistoryEvent(1, EXECUTION, 4, 3, 12L, "PassStateEntered", "stateEnteredEventDetails",
                JSON.objectNode().put("name", "A").put("input", "{}")),
            new HistoryEvent(1, EXECUTION, 5, 4, 12L, "PassStateExited", "stateExitedEventDetails",
                JSON.objectNode().put("name", "A").put("output", "{}")))),
        new ExecutionSummary(1, EXECUTION, MACHINE, "run-1", ExecutionStatus.SUCCEEDED, 1L, 2L, input,
            JSON.textNode("done"), null, null, 0),
        new ExecutionSummary(1, EXECUTION, MACHINE, "run-1", ExecutionStatus.FAILED, 1L, 2L, input, null,
            "States.TaskFailed", "boom", 1),
        new DeadLetter(1, "stepstream.commands", 3, 42L, EXECUTION, "bm90IGpzb24=",
            "not a valid Command record: Unrecognized token 'not'", 12L),
        new StateMachineRecord(1, MACHINE + ":2", "ImagePipeline", StateMachineRecord.KIND_STATE_MACHINE,
            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}", "STANDARD",
            "arn:aws:iam::123456789012:role/sfn", "r2", 3L, 3L, "thumbnails in WebP", null),
        new StateMachineRecord(1, MACHINE, "ImagePipeline", StateMachineRecord.KIND_STATE_MACHINE,
            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}", "STANDARD",
            "arn:aws:iam::123456789012:role/sfn", "r2", 1L, 3L, null, 2),
        new StateMachineAlias(1, MACHINE + ":prod", "prod", MACHINE, "canary",
            List.of(new StateMachineAlias.Route(MACHINE + ":1", 90), new StateMachineAlias.Route(MACHINE + ":2", 10)),
            4L, 5L),
        new TriggerRecord(1, "arn:aws:states:us-east-1:123456789012:trigger:paid-orders", "paid-orders", "orders",
            MACHINE, JSON.objectNode().set("value", JSON.objectNode().set("status", JSON.arrayNode().add("paid"))),
            "{\"orderId\": $record.value.id}", "order-{partition}-{offset}", TriggerRecord.EARLIEST, null,
            TriggerRecord.ACTIVE, 6L, 7L, 3),
        new TriggerRecord(1, "arn:aws:states:us-east-1:123456789012:trigger:all", "all", "events", MACHINE + ":prod",
            null, null, null, TriggerRecord.AT_TIMESTAMP, 1_764_000_000_000L, TriggerRecord.PAUSED, 8L, 8L),
        new ScheduleRecord(1, "arn:aws:scheduler:us-east-1:123456789012:schedule/default/nightly", "nightly",
            "cron(0 2 * * ? *)", "Europe/Lisbon", ScheduleRecord.FLEXIBLE, 15, 1_764_000_000_000L, null, MACHINE,
            "{\"at\":\"<aws.scheduler.scheduled-time>\"}", ScheduleRecord.FIRE_LATEST, ScheduleRecord.ENABLED, 9L, 9L),
        new ScheduleRecord(1, "arn:aws:scheduler:us-east-1:123456789012:schedule/default/tick", "tick",
            "rate(5 minutes)", null, ScheduleRecord.OFF, null, null, 1_800_000_000_000L, MACHINE + ":prod", null,
            ScheduleRecord.SKIP, ScheduleRecord.DISABLED, 10L, 11L),
        new StartExecution(1, EXECUTION, MACHINE + ":2", "run-1", input, 6L, MACHINE + ":prod"),
        new ExecutionSummary(1, EXECUTION, MACHINE + ":2", "run-1", ExecutionStatus.RUNNING, 6L, null, input, null, null, null, 0,
            MACHINE + ":prod"),
        new ExecutionSummary(1, EXECUTION, MACHINE, "run-1", ExecutionStatus.RUNNING, 6L, null, input, null, null, null, 1,
            null, 9L, "r2"),
        new StateMachineRecord(1, MACHINE, "ImagePipeline", StateMachineRecord.KIND_STATE_MACHINE,
            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}", "STANDARD",
            "arn:aws:iam::123456789012:role/sfn", "r1", 1L, 1L).asRevision(),
        new StateMachineRecord(1, MACHINE, "ImagePipeline", StateMachineRecord.KIND_STATE_MACHINE,
            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}", "STANDARD",
            "arn:aws:iam::123456789012:role/sfn", "r3", 1L, 4L, null, null,
            new LoggingConfiguration("ERROR", true, JSON.arrayNode().add(JSON.objectNode().set("cloudWatchLogsLogGroup",
                JSON.objectNode().put("logGroupArn", "arn:aws:logs:us-east-1:123456789012:log-group:sfn:*"))))),
        new TaskSucceeded(1, EXECUTION, "tok-6", JSON.objectNode(), List.of("resizing gato.png", "done in 40 ms")),
        new TaskFailed(1, EXECUTION, "tok-7", "Image.TooLarge", null, List.of("Traceback (most recent call last):")),
        new StartExecution(1, EXECUTION, MACHINE, "run-1", input, 7L, null,
            "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"),
        new StartExecution(1, EXECUTION + "-child", MACHINE, "child-1", input, 8L, null, null,
            new ParentExecution(EXECUTION, "tok-9", "arn:aws:states:::states:startExecution.sync:2")),
        new StartExecution(1, "arn:aws:states:us-east-1:123456789012:execution:ImagePipeline/Items:"
            + "0f1e2d3c-0000-4000-8000-000000000007", MACHINE + "/Items", "0f1e2d3c-0000-4000-8000-000000000007", input, 9L,
            null, null, new ParentExecution(EXECUTION, "mapRunChild:3:" + MAP_RUN, MAP_RUN, "Items", "r2")),
        new ExecutionSummary(1, "arn:aws:states:us-east-1:123456789012:execution:ImagePipeline/Items:"
            + "0f1e2d3c-0000-4000-8000-000000000007", MACHINE + "/Items", "0f1e2d3c-0000-4000-8000-000000000007",
            ExecutionStatus.SUCCEEDED, 9L, 10L, input, input, null, null, 0, null, null, "r2", null, MAP_RUN),
        new ExecutionSummary(1, EXECUTION, MACHINE, "run-1", ExecutionStatus.RUNNING, 7L, null, input, null, null, null, 0,
            null, null, null, "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"),
        HistoryBatch.of(EXECUTION, List.of(
            new HistoryEvent(1, EXECUTION, 6, 5, 13L, "LambdaFunctionSucceeded", "lambdaFunctionSucceededEventDetails",
                JSON.objectNode().put("output", "{}"), List.of("resizing gato.png")))),
        new UpdateMapRun(1, EXECUTION, "arn:aws:states:us-east-1:123456789012:mapRun:ImagePipeline/Items:"
            + "0f1e2d3c-0000-4000-8000-000000000001", 10, 2L, 12.5, 8L),
        new UpdateMapRun(1, EXECUTION, "arn:aws:states:us-east-1:123456789012:mapRun:ImagePipeline/Items:"
            + "0f1e2d3c-0000-4000-8000-000000000001", null, null, null, 8L));
  }
}
