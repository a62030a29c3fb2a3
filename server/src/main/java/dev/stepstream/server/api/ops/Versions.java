package dev.stepstream.server.api.ops;

import dev.stepstream.server.api.aws.AwsErrors;
import dev.stepstream.server.api.aws.AwsException;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.Backend;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.WireVersions;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Published state machine versions: immutable copies of a state machine's revision, stored as
 * {@code StateMachineRecord} records keyed by their version ARN so the processor runs them like any state
 * machine. Numbers start at 1 and are never reused (the state machine record keeps the last one).
 */
public final class Versions {
  static final int MAX_VERSIONS = 1000;
  static final String INITIAL_REVISION = "INITIAL";

  private final Backend backend;
  // Publishing reads the versions and then writes; one publish at a time per API instance.
  private final Object publishLock = new Object();

  public Versions(Backend backend) {
    this.backend = backend;
  }

  /** The versions of an unqualified state machine, newest (highest number) first. */
  List<StateMachineRecord> of(String stateMachineArn) {
    String prefix = stateMachineArn + ":";
    return backend.definitions().all(StateMachineRecord.KIND_STATE_MACHINE).stream()
        .filter(m -> m.arn().startsWith(prefix) && Arns.parse(m.arn()).filter(Arns.Parsed::isVersion).isPresent())
        .sorted(Comparator.comparingLong((StateMachineRecord m) -> Arns.versionNumber(m.arn())).reversed())
        .toList();
  }

  Optional<StateMachineRecord> find(String versionArn) {
    return backend.definitions().find(versionArn, StateMachineRecord.KIND_STATE_MACHINE);
  }

  /**
   * Publishes the state machine's current revision; AWS's idempotency: a revision that already has
   * a version returns that version. {@code expectedRevision} (AWS's {@code revisionId}) must match the
   * current revision, else ConflictException.
   */
  StateMachineRecord publish(String stateMachineArn, Optional<String> expectedRevision, String description) {
    synchronized (publishLock) {
      StateMachineRecord current = backend.definitions().find(stateMachineArn, StateMachineRecord.KIND_STATE_MACHINE)
          .orElseThrow(() -> AwsErrors.stateMachineDoesNotExist(stateMachineArn));
      expectedRevision.ifPresent(expected -> requireRevision(current, expected));
      List<StateMachineRecord> versions = of(stateMachineArn);
      Optional<StateMachineRecord> same = versions.stream()
          .filter(v -> Objects.equals(v.revisionId(), current.revisionId())).findFirst();
      if (same.isPresent()) {
        return same.get();
      }
      if (versions.size() >= MAX_VERSIONS) {
        throw new AwsException(AwsErrors.SERVICE_QUOTA_EXCEEDED,
            "The maximum number of versions (" + MAX_VERSIONS + ") for '" + stateMachineArn + "' has been reached");
      }
      long highest = Math.max(current.lastVersionNumber() == null ? 0 : current.lastVersionNumber(),
          versions.isEmpty() ? 0 : Arns.versionNumber(versions.get(0).arn()));
      int number = (int) highest + 1;
      long now = backend.now();
      StateMachineRecord version = new StateMachineRecord(WireVersions.CURRENT,
          Arns.version(stateMachineArn, number), current.name(),
          StateMachineRecord.KIND_STATE_MACHINE, current.definition(), current.machineType(), current.roleArn(),
          current.revisionId(), now, now, description, null, current.loggingConfiguration());
      backend.definitions().put(version);
      backend.definitions().put(withLastVersion(current, number));
      return version;
    }
  }

  private static void requireRevision(StateMachineRecord current, String expected) {
    boolean neverUpdated = current.createdAt() == current.updatedAt();
    boolean matches = expected.equals(current.revisionId()) || INITIAL_REVISION.equals(expected) && neverUpdated;
    if (!matches) {
      // AWS's exact message is not documented.
      throw AwsErrors.conflict("Failed to publish the state machine version: the revisionId '" + expected
          + "' does not match the current revision of the state machine");
    }
  }

  static StateMachineRecord withLastVersion(StateMachineRecord m, Integer lastVersionNumber) {
    return new StateMachineRecord(WireVersions.CURRENT,
        m.arn(), m.name(), m.kind(), m.definition(), m.machineType(), m.roleArn(),
        m.revisionId(), m.createdAt(), m.updatedAt(), m.description(), lastVersionNumber, m.loggingConfiguration());
  }
}
