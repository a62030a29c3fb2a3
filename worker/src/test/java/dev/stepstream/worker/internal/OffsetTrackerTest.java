package dev.stepstream.worker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
  private static final TopicPartition P0 = new TopicPartition("tasks", 0);
  private static final TopicPartition P1 = new TopicPartition("tasks", 1);
  private final OffsetTracker tracker = new OffsetTracker();

  @Test
  void shouldCommitPastEveryRecordWhenAllFinished() {
    OffsetTracker.Ticket a = tracker.dispatched(P0, 0);
    OffsetTracker.Ticket b = tracker.dispatched(P0, 1);
    tracker.completed(a);
    tracker.completed(b);

    assertThat(tracker.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(2)));
  }

  @Test
  void shouldStopAtTheLowestUnfinishedRecordWhenRecordsFinishOutOfOrder() {
    tracker.dispatched(P0, 0);
    OffsetTracker.Ticket second = tracker.dispatched(P0, 1);
    OffsetTracker.Ticket third = tracker.dispatched(P0, 2);
    tracker.completed(third);
    tracker.completed(second);

    assertThat(tracker.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(0)));
  }

  @Test
  void shouldAdvanceToTheNextUnfinishedRecordOnceTheLowestFinishes() {
    OffsetTracker.Ticket first = tracker.dispatched(P0, 0);
    tracker.dispatched(P0, 1);
    OffsetTracker.Ticket third = tracker.dispatched(P0, 2);
    tracker.completed(third);
    tracker.completed(first);

    assertThat(tracker.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(1)));
  }

  @Test
  void shouldNotLetGapsLeftByTransactionMarkersBlockTheCommit() {
    OffsetTracker.Ticket a = tracker.dispatched(P0, 10);
    OffsetTracker.Ticket b = tracker.dispatched(P0, 12);
    tracker.completed(b);
    tracker.completed(a);

    assertThat(tracker.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(13)));
  }

  @Test
  void shouldTrackPartitionsIndependently() {
    tracker.dispatched(P0, 0);
    OffsetTracker.Ticket other = tracker.dispatched(P1, 5);
    tracker.completed(other);

    assertThat(tracker.committable()).containsOnly(
        Map.entry(P0, new OffsetAndMetadata(0)), Map.entry(P1, new OffsetAndMetadata(6)));
  }

  @Test
  void shouldOfferOnlyPositionsThatMovedSinceTheLastCommit() {
    OffsetTracker.Ticket a = tracker.dispatched(P0, 0);
    tracker.completed(a);
    tracker.markCommitted(tracker.committable());

    assertThat(tracker.committable()).isEmpty();

    tracker.completed(tracker.dispatched(P0, 1));
    assertThat(tracker.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(2)));
  }

  @Test
  void shouldIgnoreCompletionsOfARevokedPartitionEvenWhenItIsAssignedAgain() {
    OffsetTracker.Ticket stale = tracker.dispatched(P0, 3);
    tracker.forget(List.of(P0));
    tracker.dispatched(P0, 3);

    tracker.completed(stale);

    assertThat(tracker.pending()).isEqualTo(1);
    assertThat(tracker.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
  }

  @Test
  void shouldLimitCommittablePositionsToTheGivenPartitions() {
    tracker.completed(tracker.dispatched(P0, 0));
    tracker.completed(tracker.dispatched(P1, 0));

    assertThat(tracker.committable(List.of(P1))).containsOnlyKeys(P1);
  }
}
