package dev.stepstream.processor.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class TopicRangeTest {
  static final ObjectMapper JSON = new ObjectMapper();

  private static ConsumerRecord<byte[], byte[]> record(String key, String value) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("origin", "it".getBytes(StandardCharsets.UTF_8));
    return new ConsumerRecord<>("orders", 2, 41L, 1_700_000_000_000L, TimestampType.CREATE_TIME, -1, -1,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
  }

  @Test
  void shouldShapeARecordAsAnItemWithJsonValues() throws Exception {
    // Compared as text: Offset and Timestamp are longs, which Jackson's equality tells from ints.
    assertThat(TopicRange.item(record("k1", "{\"n\":1}")).toString()).isEqualTo(JSON.readTree("""
        {"Topic":"orders","Partition":2,"Offset":41,"Timestamp":1700000000000,"Key":"k1","Value":{"n":1},
         "Headers":{"origin":"it"}}""").toString());
  }

  @Test
  void shouldKeepANonJsonValueAsTextAndATombstoneAsNull() {
    assertThat(TopicRange.item(record(null, "plain text")).get("Value").asText()).isEqualTo("plain text");
    assertThat(TopicRange.item(record(null, null)).get("Value").isNull()).isTrue();
    assertThat(TopicRange.item(record(null, null)).get("Key").isNull()).isTrue();
  }
}
