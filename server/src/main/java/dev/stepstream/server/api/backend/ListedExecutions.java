package dev.stepstream.server.api.backend;

import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.WireJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What the API keeps in memory of every execution on the compacted executions topic: the fields that
 * lists filter, sort and show, and the record's bytes, decoded again only when one execution's whole
 * summary is asked for. Decoded summaries with their input and output trees cost about forty objects
 * each: after the bench's W1 (about 480,000 executions) the API held some 20 million objects for them,
 * against 6 million kept this way, and {@code serve}'s heap with 100,000 finished executions went
 * from 191 to 162 MiB.
 */
final class ListedExecutions {
  private record Listed(ExecutionSummary listing, byte[] bytes) {}

  private final Map<String, Listed> byArn = new ConcurrentHashMap<>();
  /** One instance of each state machine and alias ARN, which many executions share (a few per machine). */
  private final Map<String, String> sharedArns = new ConcurrentHashMap<>();

  /** Keeps {@code summary}, decoded from {@code bytes}, the record under {@code key}, as its latest. */
  void put(String key, ExecutionSummary summary, byte[] bytes) {
    byArn.put(key, new Listed(listing(summary, this::shared), bytes));
  }

  private String shared(String arn) {
    return arn == null ? null : sharedArns.computeIfAbsent(arn, a -> a);
  }

  void remove(String executionArn) {
    byArn.remove(executionArn);
  }

  /** The execution's whole latest summary. */
  Optional<ExecutionSummary> get(String executionArn) {
    Listed listed = byArn.get(executionArn);
    return listed == null ? Optional.empty() : Optional.of(WireJson.decode(listed.bytes(), ExecutionSummary.class));
  }

  /** Every execution's latest summary in its {@linkplain #listing listing} form, in no order. */
  List<ExecutionSummary> listings() {
    return byArn.values().stream().map(Listed::listing).toList();
  }

  /**
   * The summary with only what ListExecutions and the console's lists use: input, output, error,
   * cause, revision id and trace header are left out (null).
   */
  static ExecutionSummary listing(ExecutionSummary s) {
    return listing(s, UnaryOperator.identity());
  }

  private static ExecutionSummary listing(ExecutionSummary s, UnaryOperator<String> machineArns) {
    return new ExecutionSummary(s.version(), s.executionArn(), machineArns.apply(s.stateMachineArn()), s.name(),
        s.status(), s.startDate(), s.stopDate(), null, null, null, null, s.redriveCount(),
        machineArns.apply(s.stateMachineAliasArn()), s.redriveDate(), null, null, s.mapRunArn());
  }
}
