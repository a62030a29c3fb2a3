package dev.stepstream.server.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.aws.AwsJson;
import dev.stepstream.server.api.aws.Operation;
import dev.stepstream.server.api.aws.Pages;
import dev.stepstream.server.api.aws.RequestFields;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Backend;
import dev.stepstream.server.api.backend.Executions;
import dev.stepstream.wire.ExecutionStatus;
import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.RedriveExecution;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.StateMachineAlias;
import dev.stepstream.wire.StopExecution;
import dev.stepstream.wire.WireVersions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** StartExecution, StartSyncExecution, Describe/Stop/List/Redrive executions. */
public final class ExecutionOps {
  static final int MAX_PAYLOAD = 262_144;
  private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(5);

  private final Backend backend;
  private final StateMachineOps machines;

  public ExecutionOps(Backend backend, StateMachineOps machines) {
    this.backend = backend;
    this.machines = machines;
  }

  public void register(Map<String, Operation> ops) {
    ops.put("StartExecution", Operation.async(this::start));
    ops.put("StartSyncExecution", Operation.async(this::startSync));
    ops.put("DescribeExecution", this::describe);
    ops.put("StopExecution", Operation.async(this::stop));
    ops.put("ListExecutions", this::list);
    ops.put("RedriveExecution", Operation.async(this::redrive));
  }

  /**
   * What a StartExecution runs: the state machine, a version, or the version an alias chooses for this
   * execution name (the alias ARN is then kept with the execution).
   */
  private record Target(StateMachineRecord machine, String aliasArn) {}

  private Target target(String arn, String executionName) {
    if (Arns.parse(arn).filter(Arns.Parsed::isAlias).isEmpty()) {
      return new Target(machines.machine(arn), null);
    }
    StateMachineAlias alias = backend.definitions().alias(arn)
        .orElseThrow(() -> AwsErrors.stateMachineDoesNotExist(arn));
    return new Target(machines.machine(AliasRouting.versionFor(alias, executionName)), arn);
  }

  private CompletableFuture<JsonNode> start(RequestFields request) {
    String machineArn = request.requiredText("stateMachineArn");
    Arns.require(machineArn, "stateMachine");
    String name = Arns.requireName(request.optionalText("name").orElseGet(() -> UUID.randomUUID().toString()));
    Target target = target(machineArn, name);
    JsonNode input = input(request);
    // AWS names an Express execution ...:express:<machine>:<name>:<id>, also when started asynchronously.
    String arn = "EXPRESS".equals(Shapes.type(target.machine()))
        ? Arns.expressExecution(target.machine().arn(), name, UUID.randomUUID().toString())
        : Arns.execution(target.machine().arn(), name);
    String trace = TraceHeaders.of(request);
    return startOrReuse(arn, target, name, input, trace).thenApply(started -> {
      ObjectNode out = AwsJson.object();
      out.put("executionArn", started.executionArn());
      out.set("startDate", AwsJson.timestamp(started.startDate()));
      return out;
    });
  }

  private CompletableFuture<JsonNode> startSync(RequestFields request) {
    String machineArn = request.requiredText("stateMachineArn");
    Arns.require(machineArn, "stateMachine");
    String name = Arns.requireName(request.optionalText("name").orElseGet(() -> UUID.randomUUID().toString()));
    Target target = target(machineArn, name);
    if (!"EXPRESS".equals(Shapes.type(target.machine()))) {
      throw new AwsException(AwsErrors.STATE_MACHINE_TYPE_NOT_SUPPORTED,
          "This operation is not supported by this type of state machine");
    }
    String arn = Arns.expressExecution(target.machine().arn(), name, UUID.randomUUID().toString());
    return startOrReuse(arn, target, name, input(request), TraceHeaders.of(request))
        .thenCompose(started -> backend.executions().awaitAsync(arn, s -> !Executions.isRunning(s), SYNC_TIMEOUT))
        .thenApply(done -> syncResult(done.orElseThrow(() -> AwsErrors.unavailable("The execution " + arn
            + " was accepted but is not visible yet; retry the request"))));
  }

  private static JsonNode syncResult(ExecutionSummary done) {
    ObjectNode out = Shapes.execution(done);
    out.remove(List.of("redriveCount", "redriveDate", "redriveStatus", "redriveStatusReason", "stateMachineVersionArn",
        "stateMachineAliasArn"));
    out.putObject("billingDetails").put("billedMemoryUsedInMB", 64).put("billedDurationInMilliseconds",
        done.stopDate() == null ? 0 : done.stopDate() - done.startDate());
    return out;
  }

  /**
   * AWS: same name and same input while the first run is open → the same execution; otherwise
   * ExecutionAlreadyExists. Waiting starts before the existence check, so one lookup serves both.
   */
  private CompletableFuture<ExecutionSummary> startOrReuse(String arn, Target target, String name, JsonNode input,
      String traceHeader) {
    CompletableFuture<Optional<ExecutionSummary>> visible = backend.executions().awaitAsync(arn, s -> true,
        VISIBLE_TIMEOUT);
    if (visible.isDone()) {
      return visible.thenApply(existing -> sameOpenExecution(existing.orElseThrow(), input));
    }
    return backend.publisher().sendAsync(new StartExecution(WireVersions.CURRENT,
        arn, target.machine().arn(), name, input,
            backend.now(), target.aliasArn(), traceHeader))
        .thenCompose(acked -> visible)
        .thenApply(found -> startedOrUnavailable(arn, found, input));
  }

  /**
   * The answer to a start once it was written: the execution, ExecutionAlreadyExists when another input
   * got the name first, or, when the processor has not shown it within {@link #VISIBLE_TIMEOUT} (busy,
   * or its partition is moving to another instance), a retryable ServiceUnavailable. The start is in
   * Kafka and will run; a retry with the same name and input answers this execution, as on AWS.
   */
  static ExecutionSummary startedOrUnavailable(String arn, Optional<ExecutionSummary> found, JsonNode input) {
    ExecutionSummary summary = found.orElseThrow(() -> AwsErrors.unavailable("The execution " + arn
        + " was accepted but is not visible yet; retry the request with the same name and input"));
    if (!summary.input().equals(input)) {
      throw alreadyExists(arn);
    }
    return summary;
  }

  private static ExecutionSummary sameOpenExecution(ExecutionSummary existing, JsonNode input) {
    if (Executions.isRunning(existing) && existing.input().equals(input)) {
      return existing;
    }
    throw alreadyExists(existing.executionArn());
  }

  private static AwsException alreadyExists(String arn) {
    return new AwsException(AwsErrors.EXECUTION_ALREADY_EXISTS, "Execution Already Exists: '" + arn + "'");
  }

  private static JsonNode input(RequestFields request) {
    return Admission.executionInput(request.optionalText("input").orElse("{}"));
  }

  private JsonNode describe(RequestFields request) {
    ObjectNode out = Shapes.execution(execution(request.requiredText("executionArn")), backend.now());
    if (out.path("executionArn").asText().contains(":express:")) {
      out.remove(List.of("redriveCount", "redriveStatus", "redriveStatusReason")); // Express executions cannot be redriven
    }
    return out;
  }

  ExecutionSummary execution(String arn) {
    Arns.requireExecution(arn);
    return backend.executions().find(arn).orElseThrow(() -> AwsErrors.executionDoesNotExist(arn));
  }

  private CompletableFuture<JsonNode> stop(RequestFields request) {
    ExecutionSummary execution = execution(request.requiredText("executionArn"));
    String error = request.optionalText("error").orElse(null);
    String cause = request.optionalText("cause").orElse(null);
    if (!Executions.isRunning(execution)) {
      return CompletableFuture.completedFuture(stopResult(execution));
    }
    String arn = execution.executionArn();
    CompletableFuture<Optional<ExecutionSummary>> stopped = backend.executions().awaitAsync(arn,
        s -> !Executions.isRunning(s), VISIBLE_TIMEOUT);
    return backend.publisher().sendAsync(new StopExecution(WireVersions.CURRENT, arn, error, cause, backend.now()))
        .thenCompose(acked -> stopped)
        .thenApply(found -> stopResult(found.orElse(execution)));
  }

  private JsonNode stopResult(ExecutionSummary stopped) {
    ObjectNode out = AwsJson.object();
    out.set("stopDate", AwsJson.timestamp(stopped.stopDate() == null ? backend.now() : stopped.stopDate()));
    return out;
  }

  /** A state machine ARN lists all its executions; a version or alias ARN those started through it. */
  private JsonNode list(RequestFields request) {
    Optional<String> mapRunArn = request.optionalText("mapRunArn");
    if (mapRunArn.isPresent()) {
      return listMapRun(request, mapRunArn.get());
    }
    String machineArn = request.requiredText("stateMachineArn");
    Arns.Parsed parsed = Arns.require(machineArn, "stateMachine");
    if (parsed.isAlias()) {
      backend.definitions().alias(machineArn).orElseThrow(() -> AwsErrors.stateMachineDoesNotExist(machineArn));
    } else {
      machines.machine(machineArn);
    }
    List<ExecutionSummary> executions = backend.executions().of(parsed.unqualified()).stream()
        .filter(s -> parsed.qualifier().isEmpty()
            || (parsed.isAlias() ? machineArn.equals(s.stateMachineAliasArn()) : machineArn.equals(s.stateMachineArn())))
        .toList();
    return page(request, machineArn, executions, Shapes::executionListItem);
  }

  /** ListExecutions with {@code mapRunArn}: the Map Run's child executions, each naming its Map Run. */
  private JsonNode listMapRun(RequestFields request, String mapRunArn) {
    if (request.optionalText("stateMachineArn").isPresent()) {
      throw AwsErrors.validation("You can specify either a mapRunArn or a stateMachineArn, but not both");
    }
    if (!MapRuns.isMapRunArn(mapRunArn)) {
      throw AwsErrors.invalidArn(mapRunArn);
    }
    return page(request, mapRunArn, backend.executions().ofMapRun(mapRunArn),
        s -> Shapes.executionListItem(s).put("mapRunArn", mapRunArn));
  }

  /** One page of {@code executions} (newest first) after the request's status and redrive filters. */
  private static JsonNode page(RequestFields request, String listedArn, List<ExecutionSummary> executions,
      Function<ExecutionSummary, ObjectNode> item) {
    String filter = request.optionalText("statusFilter").orElse(null);
    ExecutionStatus status = filter == null ? null : statusFilter(filter);
    String redrive = request.optionalText("redriveFilter").map(ExecutionOps::redriveFilter).orElse(null);
    List<ExecutionSummary> matching = executions.stream()
        .filter(s -> status == null || s.status() == status)
        .filter(s -> RedriveStatus.matches(redrive, s))
        .toList();
    ObjectNode out = AwsJson.object();
    Pages.page(request, "ListExecutions|" + listedArn + "|" + status + "|" + redrive, matching, 100, out, "executions",
        item);
    return out;
  }

  private static ExecutionStatus statusFilter(String filter) {
    for (ExecutionStatus status : ExecutionStatus.values()) {
      if (status.name().equals(filter)) {
        return status;
      }
    }
    throw AwsErrors.constraint("statusFilter", filter,
        "Member must satisfy enum value set: " + Arrays.toString(ExecutionStatus.values()));
  }

  private static String redriveFilter(String filter) {
    if (!filter.equals("REDRIVEN") && !filter.equals("NOT_REDRIVEN")) {
      throw AwsErrors.constraint("redriveFilter", filter, "Member must satisfy enum value set: [REDRIVEN, NOT_REDRIVEN]");
    }
    return filter;
  }

  private CompletableFuture<JsonNode> redrive(RequestFields request) {
    ExecutionSummary execution = execution(request.requiredText("executionArn"));
    if (Executions.isRunning(execution) || execution.status() == ExecutionStatus.SUCCEEDED) {
      throw new AwsException(AwsErrors.EXECUTION_NOT_REDRIVABLE,
          "Execution is " + execution.status() + " and cannot be redriven: '" + execution.executionArn() + "'");
    }
    long now = backend.now();
    ObjectNode out = AwsJson.object();
    out.set("redriveDate", AwsJson.timestamp(now));
    return backend.publisher().sendAsync(new RedriveExecution(WireVersions.CURRENT, execution.executionArn(), now))
        .thenApply(acked -> out);
  }
}
