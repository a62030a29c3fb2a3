package dev.stepstream.bench.baseline;

import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The baselines' stateful step: read a 1 KiB value for the key, change it, write it back, forward
 * the record (to the child {@code route} names, or to all children when it returns null) — what
 * the Stepstream processor does per input at the least.
 */
final class GetPutProcessor implements Processor<String, byte[], String, byte[]> {
  private final String storeName;
  private final Function<Record<String, byte[]>, String> route;
  private final byte[] state = Payloads.state();
  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<String, byte[]> store;

  GetPutProcessor(String storeName, Function<Record<String, byte[]>, String> route) {
    this.storeName = storeName;
    this.route = route;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    byte[] previous = store.get(record.key());
    byte[] next = previous == null ? state.clone() : previous;
    next[0]++;
    store.put(record.key(), next);
    String child = route.apply(record);
    if (child == null) {
      context.forward(record);
    } else {
      context.forward(record, child);
    }
  }
}
