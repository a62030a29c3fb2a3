package dev.stepstream.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and aborts hanging transactions: data a producer wrote in a transaction that its
 * coordinator no longer tracks, so no COMMIT or ABORT marker will ever close it. After an unclean
 * broker shutdown the coordinator may complete a transaction while skipping the markers of
 * partitions that had no leader yet; those partitions then stay open forever, and every
 * read_committed reader (changelog restore, committed offsets) waits behind them. This is what
 * {@code kafka-transactions.sh find-hanging} and {@code abort} do, for a broker Stepstream runs
 * itself; each abort is logged at WARN.
 */
public final class HangingTransactions {
  private static final Logger LOG = LoggerFactory.getLogger(HangingTransactions.class);
  private static final Set<TransactionState> IN_FLIGHT = Set.of(TransactionState.ONGOING,
      TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE);

  /** One transaction left open on one partition. */
  public record Hanging(TopicPartition partition, ProducerState producer, String why) {}

  private final Admin admin;
  private final Duration timeout;

  public HangingTransactions(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /** Aborts every hanging transaction on the cluster; returns what it aborted. */
  public List<Hanging> abortAll() throws InterruptedException {
    List<Hanging> hanging = find();
    for (Hanging h : hanging) {
      LOG.warn("Aborting a hanging transaction on {} (producer id {}, epoch {}, open since offset {}): {}",
          h.partition(), h.producer().producerId(), h.producer().producerEpoch(),
          h.producer().currentTransactionStartOffset().orElse(-1), h.why());
      ProducerState p = h.producer();
      get(admin.abortTransaction(new AbortTransactionSpec(h.partition(), p.producerId(), (short) p.producerEpoch(),
          p.coordinatorEpoch().orElse(-1))).all());
    }
    return hanging;
  }

  /** The open transactions whose coordinator does not have them in flight on that partition. */
  public List<Hanging> find() throws InterruptedException {
    Map<TopicPartition, List<ProducerState>> open = openTransactions(partitions());
    if (open.isEmpty()) {
      return List.of();
    }
    Map<Long, TransactionListing> byProducer = get(admin.listTransactions().all()).stream()
        .collect(Collectors.toMap(TransactionListing::producerId, Function.identity(), (a, b) -> a));
    List<String> ids = open.values().stream().flatMap(List::stream).map(p -> byProducer.get(p.producerId()))
        .filter(l -> l != null).map(TransactionListing::transactionalId).distinct().toList();
    Map<String, TransactionDescription> described = ids.isEmpty() ? Map.of()
        : get(admin.describeTransactions(ids).all());
    List<Hanging> hanging = new ArrayList<>();
    open.forEach((partition, producers) -> producers.forEach(p -> {
      TransactionListing listing = byProducer.get(p.producerId());
      String why = listing == null ? "no coordinator tracks producer id " + p.producerId()
          : whyHanging(partition, p, described.get(listing.transactionalId()));
      if (why != null) {
        hanging.add(new Hanging(partition, p, why));
      }
    }));
    return hanging;
  }

  private static String whyHanging(TopicPartition partition, ProducerState p, TransactionDescription d) {
    if (d == null) {
      return "its transactional id is no longer described by the coordinator";
    }
    if (d.producerId() != p.producerId()) {
      return "the transactional id moved on to producer id " + d.producerId();
    }
    if (!IN_FLIGHT.contains(d.state())) {
      return "the coordinator's transaction is " + d.state();
    }
    if (!d.topicPartitions().contains(partition)) {
      return "the coordinator's ongoing transaction does not include this partition";
    }
    return null;
  }

  private Map<TopicPartition, List<ProducerState>> openTransactions(Collection<TopicPartition> partitions)
      throws InterruptedException {
    return get(admin.describeProducers(partitions).all()).entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue().activeProducers().stream()
            .filter(p -> p.currentTransactionStartOffset().isPresent()).toList()))
        .filter(e -> !e.getValue().isEmpty())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private List<TopicPartition> partitions() throws InterruptedException {
    Set<String> topics = get(admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
        .names());
    Map<String, TopicDescription> described = get(admin.describeTopics(topics).allTopicNames());
    List<TopicPartition> partitions = new ArrayList<>();
    for (TopicDescription topic : described.values()) {
      for (TopicPartitionInfo info : topic.partitions()) {
        partitions.add(new TopicPartition(topic.name(), info.partition()));
      }
    }
    return partitions;
  }

  private <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws InterruptedException {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("looking for hanging transactions failed: " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("looking for hanging transactions took more than " + timeout.toSeconds() + " s", e);
    }
  }
}
