package dev.stepstream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepstream.engine.Definition;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DefinitionCacheTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:M";
  private static final String ONE_PASS = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}";
  private static final String ONE_SUCCEED = "{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Succeed\"}}}";

  private final Map<String, byte[]> store = new HashMap<>();
  private final DefinitionCache cache = new DefinitionCache(arn -> store.get(arn) == null ? null : store.get(arn).clone());

  private static byte[] machine(String definition, String revision, String kind) {
    return WireJson.encode(new StateMachineRecord(1, ARN, "M", kind, definition, "STANDARD", "arn:aws:iam::1:role/r",
        revision, 1L, 1L, null, null));
  }

  @Test
  void shouldCompileOnceAndReuseTheDefinitionWhileTheStoredRecordIsUnchanged() {
    store.put(ARN, machine(ONE_PASS, "r1", StateMachineRecord.KIND_STATE_MACHINE));

    Definition first = cache.find(ARN).orElseThrow();

    assertThat(cache.find(ARN)).containsSame(first);
    assertThat(first.machine().startAt()).isEqualTo("A");
  }

  @Test
  void shouldRecompileWhenTheStoredRecordChanges() {
    store.put(ARN, machine(ONE_PASS, "r1", StateMachineRecord.KIND_STATE_MACHINE));
    Definition first = cache.find(ARN).orElseThrow();

    store.put(ARN, machine(ONE_SUCCEED, "r2", StateMachineRecord.KIND_STATE_MACHINE));

    assertThat(cache.find(ARN)).get().isNotSameAs(first)
        .satisfies(d -> assertThat(d.machine().startAt()).isEqualTo("B"))
        .satisfies(d -> assertThat(d.revisionId()).isEqualTo("r2"));
  }

  @Test
  void shouldTreatMissingUndecodableActivitiesAndUncompilableDefinitionsAsMissing() {
    assertThat(cache.find(ARN)).isEmpty();
    store.put(ARN, "not json".getBytes(StandardCharsets.UTF_8));
    assertThat(cache.find(ARN)).isEmpty();
    store.put(ARN, machine(null, null, StateMachineRecord.KIND_ACTIVITY));
    assertThat(cache.find(ARN)).isEmpty();
    store.put(ARN, machine("{\"StartAt\":\"Nowhere\",\"States\":{}}", "r3", StateMachineRecord.KIND_STATE_MACHINE));
    assertThat(cache.find(ARN)).isEmpty();

    store.put(ARN, machine(ONE_PASS, "r4", StateMachineRecord.KIND_STATE_MACHINE));
    assertThat(cache.find(ARN)).isPresent();
  }

  @Test
  void shouldFindThePinnedRevisionAfterTheStateMachineWasUpdated() {
    store.put(StateMachineRecord.revisionKey(ARN, "r1"), WireJson.encode(
        WireJson.decode(machine(ONE_PASS, "r1", StateMachineRecord.KIND_STATE_MACHINE), StateMachineRecord.class)
            .asRevision()));
    store.put(ARN, machine(ONE_SUCCEED, "r2", StateMachineRecord.KIND_STATE_MACHINE));

    assertThat(cache.find(ARN, "r1")).get().satisfies(d -> assertThat(d.machine().startAt()).isEqualTo("A"))
        .satisfies(d -> assertThat(d.arn()).isEqualTo(ARN));
    assertThat(cache.find(ARN, "r2")).get().satisfies(d -> assertThat(d.machine().startAt()).isEqualTo("B"));
    assertThat(cache.find(ARN, null)).get().satisfies(d -> assertThat(d.revisionId()).isEqualTo("r2"));
  }

  @Test
  void shouldFallBackToTheCurrentDefinitionWhenNoCopyOfTheRevisionIsKept() {
    store.put(ARN, machine(ONE_SUCCEED, "r2", StateMachineRecord.KIND_STATE_MACHINE));

    assertThat(cache.find(ARN, "r0")).get().satisfies(d -> assertThat(d.revisionId()).isEqualTo("r2"));
  }

  @Test
  void shouldNotTakeARevisionCopyForTheCurrentStateMachine() {
    store.put(ARN, WireJson.encode(WireJson.decode(machine(ONE_PASS, "r1", StateMachineRecord.KIND_STATE_MACHINE),
        StateMachineRecord.class).asRevision()));

    assertThat(cache.find(ARN)).isEmpty();
  }

  @Test
  void shouldAnswerFromTheCacheWithoutAStoreReadWhileNoDefinitionWasLoaded() {
    store.put(ARN, machine(ONE_PASS, "r1", StateMachineRecord.KIND_STATE_MACHINE));
    AtomicLong loads = new AtomicLong();
    AtomicLong nanos = new AtomicLong();
    AtomicInteger reads = new AtomicInteger();
    DefinitionCache counted = new DefinitionCache(arn -> {
      reads.incrementAndGet();
      return store.get(arn);
    }, loads::get, nanos::get);

    Definition first = counted.find(ARN).orElseThrow();
    nanos.addAndGet(DefinitionCache.RECHECK_NANOS - 1);

    assertThat(counted.find(ARN)).containsSame(first);
    assertThat(counted.logging(ARN)).isNotNull();
    assertThat(reads).hasValue(1);
  }

  @Test
  void shouldReadTheStoreAgainOnceADefinitionWasLoaded() {
    store.put(ARN, machine(ONE_PASS, "r1", StateMachineRecord.KIND_STATE_MACHINE));
    AtomicLong loads = new AtomicLong();
    DefinitionCache counted = new DefinitionCache(store::get, loads::get, () -> 0L);
    counted.find(ARN).orElseThrow();

    store.put(ARN, machine(ONE_SUCCEED, "r2", StateMachineRecord.KIND_STATE_MACHINE));
    assertThat(counted.find(ARN)).as("nothing loaded yet: the cached definition").get()
        .satisfies(d -> assertThat(d.revisionId()).isEqualTo("r1"));
    loads.incrementAndGet();

    assertThat(counted.find(ARN)).get().satisfies(d -> assertThat(d.revisionId()).isEqualTo("r2"));
  }

  @Test
  void shouldReadTheStoreAgainAfterTheRecheckIntervalEvenWithoutALoad() {
    store.put(ARN, machine(ONE_PASS, "r1", StateMachineRecord.KIND_STATE_MACHINE));
    AtomicLong nanos = new AtomicLong(5);
    DefinitionCache counted = new DefinitionCache(store::get, () -> 7L, nanos::get);
    counted.find(ARN).orElseThrow();

    store.put(ARN, machine(ONE_SUCCEED, "r2", StateMachineRecord.KIND_STATE_MACHINE));
    nanos.addAndGet(DefinitionCache.RECHECK_NANOS);

    assertThat(counted.find(ARN)).as("a store rebuilt from the topic bypasses the loader's count").get()
        .satisfies(d -> assertThat(d.revisionId()).isEqualTo("r2"));
  }
}
