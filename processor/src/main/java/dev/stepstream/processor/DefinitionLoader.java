package dev.stepstream.processor;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global definitions store in step with the compacted definitions topic, and counts each
 * record it takes in after writing it, so that a {@link DefinitionCache} knows when to read again.
 */
final class DefinitionLoader implements Processor<String, byte[], Void, Void> {
  static final String STORE = "definitions";

  private final AtomicLong loads;
  private KeyValueStore<String, byte[]> definitions;

  DefinitionLoader(AtomicLong loads) {
    this.loads = loads;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    definitions = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      definitions.delete(record.key());
    } else {
      definitions.put(record.key(), record.value());
    }
    loads.incrementAndGet();
  }
}
