package dev.stepstream.processor;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global definitions store in step with the compacted definitions topic. */
final class DefinitionLoader implements Processor<String, byte[], Void, Void> {
  static final String STORE = "definitions";

  private KeyValueStore<String, byte[]> definitions;

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
  }
}
