package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Task requests for built-in integrations and a fake broker, for unit tests without Kafka. */
final class Calls {
  static final String EXECUTION = "arn:aws:states:eu-west-1:123456789012:execution:Orders:o1";
  static final String MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:Orders";
  static final long NOW = 1_700_000_000_123L;

  final Set<String> existingTopics = new HashSet<>();
  final List<String> created = new ArrayList<>();
  boolean createTopics = true;
  private final AtomicInteger ids = new AtomicInteger();
  private final BuiltInIntegrations integrations;

  Calls(IntegrationSettings settings) {
    this.integrations = new BuiltInIntegrations(new TopicRouter(settings, TopicCatalogue.load()));
  }

  Calls() {
    this(IntegrationSettings.defaults("stepstream."));
  }

  static JsonNode json(String text) {
    try {
      return WireJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static TaskRequest request(String resource, String parameters) {
    String api = resource.substring("arn:aws:states:::".length()).replaceAll("\\.(waitForTaskToken|sync:2|sync)$", "");
    return new TaskRequest(1, EXECUTION, "token-1", resource, "__" + api.replace(':', '.'), "Publish",
        json(parameters), 1, null, null, json("{\"StateMachine\":{\"Id\":\"" + MACHINE + "\"}}"), NOW);
  }

  Plan plan(String resource, String parameters) {
    return integrations.plan(request(resource, parameters), NOW, () -> "id-" + ids.incrementAndGet(), topic -> {
      if (existingTopics.contains(topic)) {
        return true;
      }
      if (createTopics) {
        created.add(topic);
        existingTopics.add(topic);
      }
      return createTopics;
    });
  }

  /** The outcome as if the broker stored the plan's records at offsets 41, 42, ... of partition 2. */
  static Outcome stored(Plan plan) {
    List<Written> written = new ArrayList<>();
    for (int i = 0; i < plan.records().size(); i++) {
      written.add(new Written(plan.records().get(i).topic(), 2, 41 + i, NOW + 5));
    }
    return plan.outcomeOf(written);
  }

  static JsonNode succeeded(Plan plan) {
    Outcome outcome = stored(plan);
    if (!(outcome instanceof Outcome.Succeeded s)) {
      throw new AssertionError("expected success but was " + outcome);
    }
    return s.output();
  }

  static Outcome.Failed failed(Plan plan) {
    Outcome outcome = stored(plan);
    if (!(outcome instanceof Outcome.Failed f)) {
      throw new AssertionError("expected failure but was " + outcome);
    }
    return f;
  }

  static String value(Outgoing record) {
    return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
  }

  static String header(Outgoing record, String name) {
    return record.headers().stream().filter(h -> h.name().equals(name)).map(Outgoing.Header::value)
        .findFirst().orElse(null);
  }
}
