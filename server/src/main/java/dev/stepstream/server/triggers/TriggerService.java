package dev.stepstream.server.triggers;

import dev.stepstream.wire.ExecutionSummary;
import dev.stepstream.wire.KafkaConnection;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.TriggerRecord;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every active trigger in this instance: twice a second it compares the triggers on the
 * definitions topic with the running {@link TriggerRunner}s, starts the new and resumed ones,
 * restarts the changed ones and stops the paused and deleted ones. Every instance does the same;
 * the triggers' consumer groups share the source partitions among them.
 */
public final class TriggerService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerService.class);

  private final Triggers triggers;
  private final TriggerClients clients;
  private final TopicCatalogue topics;
  private final TriggerTargets targets;
  private final MeterRegistry registry;
  private final Clock clock;
  private final Function<String, List<ExecutionSummary>> executionsOf;
  private final Map<String, TriggerRunner> runners = new HashMap<>();
  private final Map<String, TriggerMetrics> metrics = new ConcurrentHashMap<>();
  private final Map<String, TriggerRecord> refused = new HashMap<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "stepstream-triggers");
    thread.setDaemon(true);
    return thread;
  });

  TriggerService(Triggers triggers, TriggerClients clients, TopicCatalogue topics, TriggerTargets targets,
      MeterRegistry registry, Clock clock, Function<String, List<ExecutionSummary>> executionsOf) {
    this.triggers = triggers;
    this.clients = clients;
    this.topics = topics;
    this.targets = targets;
    this.registry = registry;
    this.clock = clock;
    this.executionsOf = executionsOf;
  }

  /**
   * Starts reconciling.
   *
   * @param groupPrefix prefix of the triggers' consumer groups (the trigger name follows)
   * @param instanceId distinguishes this instance's transactional ids from other instances'
   * @param executions the stored executions, which concurrency limits count
   */
  public static TriggerService start(Triggers triggers, KafkaConnection kafka, String groupPrefix, String instanceId,
      TopicCatalogue topics, dev.stepstream.server.api.backend.Definitions definitions,
      dev.stepstream.server.api.backend.Executions executions, MeterRegistry registry) {
    TriggerService service = new TriggerService(triggers, new TriggerClients(kafka, groupPrefix, instanceId),
        topics, new DefinitionTargets(definitions), registry, Clock.systemUTC(), executions::of);
    service.scheduler.scheduleWithFixedDelay(service::reconcile, 0, 500, TimeUnit.MILLISECONDS);
    return service;
  }

  /** This instance's counters for one trigger, if it ran here. */
  Optional<TriggerMetrics> metrics(String name) {
    return Optional.ofNullable(metrics.get(name));
  }

  synchronized void reconcile() {
    try {
      Map<String, TriggerRecord> active = triggers.all().stream().filter(TriggerRecord::active)
          .collect(Collectors.toMap(TriggerRecord::arn, t -> t));
      for (String arn : Set.copyOf(runners.keySet())) {
        TriggerRecord wanted = active.get(arn);
        if (wanted == null || !wanted.equals(runners.get(arn).trigger())) {
          runners.remove(arn).close();
        }
      }
      active.forEach((arn, trigger) -> {
        if (!runners.containsKey(arn) && !trigger.equals(refused.get(arn))) {
          start(trigger);
        }
      });
    } catch (RuntimeException e) {
      LOG.error("Could not reconcile the triggers", e);
    }
  }

  private void start(TriggerRecord trigger) {
    try {
      TriggerMetrics counters = metrics.computeIfAbsent(trigger.name(), name -> new TriggerMetrics(registry, name));
      TriggerRunner runner = new TriggerRunner(trigger, clients, topics, targets, counters, clock, executionsOf);
      runners.put(trigger.arn(), runner);
      runner.start();
      refused.remove(trigger.arn());
      LOG.info("Trigger {} runs: {} -> {}", trigger.name(), trigger.sourceTopic(), trigger.target());
    } catch (IllegalArgumentException e) {
      refused.put(trigger.arn(), trigger);
      LOG.error("Trigger {} cannot run: {}", trigger.name(), e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    scheduler.shutdownNow();
    runners.values().forEach(TriggerRunner::close);
    runners.clear();
  }
}
