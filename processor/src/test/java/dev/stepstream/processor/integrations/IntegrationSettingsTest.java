package dev.stepstream.processor.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class IntegrationSettingsTest {

  @Test
  void shouldCreateTopicsUnderTheTopicPrefixByDefault() {
    IntegrationSettings settings = IntegrationSettings.fromProperties("acme.", new Properties());
    assertThat(settings.mappedPrefix()).isEqualTo("acme.");
    assertThat(settings.createTopics()).isTrue();
    assertThat(settings.mappings()).isEmpty();
    assertThat(settings.kafkaTopics().pattern()).isEqualTo(".*");
    assertThat(settings.partitions()).isEqualTo(1);
  }

  @Test
  void shouldReadMappingsAndSwitchesFromProperties() {
    Properties p = new Properties();
    p.setProperty("stepstream.integrations.map.arn:aws:sns:us-east-1:1:alerts", "ops-alerts");
    p.setProperty("stepstream.integrations.map.https://sqs.us-east-1.amazonaws.com/1/jobs", "jobs");
    p.setProperty("stepstream.integrations.createTopics", "false");
    p.setProperty("stepstream.integrations.kafkaTopics", "public\\..*");
    p.setProperty("stepstream.integrations.partitions", "6");
    p.setProperty("stepstream.integrations.prefix", "aws.");
    IntegrationSettings settings = IntegrationSettings.fromProperties("acme.", p);

    assertThat(settings.mappings()).containsEntry("arn:aws:sns:us-east-1:1:alerts", "ops-alerts")
        .containsEntry("https://sqs.us-east-1.amazonaws.com/1/jobs", "jobs").hasSize(2);
    assertThat(settings.createTopics()).isFalse();
    assertThat(settings.kafkaTopics().matcher("public.news").matches()).isTrue();
    assertThat(settings.partitions()).isEqualTo(6);
    assertThat(settings.mappedPrefix()).isEqualTo("aws.");
  }
}
