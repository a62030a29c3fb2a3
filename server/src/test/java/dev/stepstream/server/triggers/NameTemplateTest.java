package dev.stepstream.server.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class NameTemplateTest {

  @Test
  void shouldRecogniseTheNamesOfTheDefaultTemplateForItsTopicOnly() {
    Predicate<String> ours = NameTemplate.parse(null).producedBy("t", "orders.eu");

    assertThat(ours).accepts("orders.eu-0-17", "orders.eu-5-0").rejects("orders.eu-x-17", "ordersXeu-0-17",
        "payments-0-17", "orders.eu-0-17-again");
  }

  @Test
  void shouldRecogniseNamesWhoseRefusedCharactersWereReplaced() {
    NameTemplate template = NameTemplate.parse("{trigger}:{topic}/{partition}/{offset}");
    String name = template.name("paid", "orders", 2, 9);

    assertThat(name).isEqualTo("paid-orders-2-9");
    assertThat(template.producedBy("paid", "orders")).accepts(name).rejects("other-orders-2-9");
  }

  @Test
  void shouldRecogniseAShortenedName() {
    String topic = "a-very-long-topic-name-that-keeps-going-and-going-and-going-further-still";
    NameTemplate template = NameTemplate.parse(null);
    String name = template.name("t", topic, 4, 123_456_789L);

    assertThat(name).hasSize(80);
    assertThat(template.producedBy("t", topic)).accepts(name);
    assertThat(NameTemplate.parse(null).producedBy("t", "short")).rejects(name);
  }
}
