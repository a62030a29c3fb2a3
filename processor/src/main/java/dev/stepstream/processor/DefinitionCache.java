package dev.stepstream.processor;

import dev.stepstream.asl.Asl;
import dev.stepstream.asl.ValidationResult;
import dev.stepstream.engine.Definition;
import dev.stepstream.wire.StateMachine;
import dev.stepstream.wire.WireFormatException;
import dev.stepstream.wire.WireJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled definitions, keyed by state machine ARN and recompiled only when the stored revision
 * changes. Definitions are validated by the API before they are stored, so a definition that does
 * not compile here is logged and treated as missing.
 */
final class DefinitionCache {
  private static final Logger LOG = LoggerFactory.getLogger(DefinitionCache.class);
  private static final int MAX_ENTRIES = 1_000;

  private final Function<String, byte[]> store;
  private final Map<String, Definition> compiled = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Definition> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  DefinitionCache(Function<String, byte[]> store) {
    this.store = store;
  }

  Optional<Definition> find(String stateMachineArn) {
    byte[] bytes = store.apply(stateMachineArn);
    if (bytes == null) {
      return Optional.empty();
    }
    StateMachine record;
    try {
      record = WireJson.decode(bytes, StateMachine.class);
    } catch (WireFormatException e) {
      LOG.warn("Ignoring undecodable definition for {}: {}", stateMachineArn, e.getMessage());
      return Optional.empty();
    }
    if (!StateMachine.KIND_STATE_MACHINE.equals(record.kind())) {
      return Optional.empty();
    }
    String revision = record.revisionId() == null ? "" : record.revisionId();
    Definition cached = compiled.get(stateMachineArn);
    if (cached != null && cached.revisionId().equals(revision)) {
      return Optional.of(cached);
    }
    return compile(record, revision);
  }

  private Optional<Definition> compile(StateMachine record, String revision) {
    ValidationResult result = Asl.compile(record.definition());
    if (result.stateMachine().isEmpty()) {
      LOG.warn("Definition of {} does not compile: {}", record.arn(), result.diagnostics());
      return Optional.empty();
    }
    Definition definition = new Definition(record.arn(), record.name(), revision,
        record.machineType() == null ? "STANDARD" : record.machineType(),
        record.roleArn() == null ? "" : record.roleArn(), result.stateMachine().get());
    compiled.put(record.arn(), definition);
    return Optional.of(definition);
  }
}
