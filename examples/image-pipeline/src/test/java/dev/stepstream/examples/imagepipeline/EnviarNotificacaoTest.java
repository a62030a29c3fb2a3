package dev.stepstream.examples.imagepipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.worker.testing.TaskHarness;
import dev.stepstream.worker.testing.TaskRun;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnviarNotificacaoTest {
  private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:Imagens:e1";
  private final TaskHarness harness = TaskHarness.forTask(EnviarNotificacao.TASK).withExecutionArn(ARN);
  private final Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

  /** Records what would be published; stands in for the Kafka topic in unit tests. */
  private static final class Caixa implements NotificationPublisher {
    final List<Map.Entry<String, JsonNode>> publicadas = new ArrayList<>();

    @Override
    public String destination() {
      return "stepstream.notifications";
    }

    @Override
    public void publish(String key, JsonNode notification) {
      publicadas.add(Map.entry(key, notification));
    }
  }

  @Test
  void shouldPublishANotificationKeyedByTheExecutionArnAndSayItDidSo() {
    Caixa caixa = new Caixa();

    TaskRun run = harness.run(new EnviarNotificacao(caixa, clock),
        Map.of("arquivo", "/imgs/a.png", "miniatura", "/imgs/a-thumb.png", "largura", 640, "extra", "x"));

    assertThat(caixa.publicadas).hasSize(1);
    assertThat(caixa.publicadas.get(0).getKey()).isEqualTo(ARN);
    assertThat(caixa.publicadas.get(0).getValue().toString()).isEqualTo(
        "{\"tipo\":\"ImagemProcessada\",\"execucao\":\"" + ARN + "\",\"arquivo\":\"/imgs/a.png\","
            + "\"miniatura\":\"/imgs/a-thumb.png\",\"largura\":640,\"enviadoEm\":1700000000000}");
    assertThat(run.output().get("notificado").asBoolean()).isTrue();
    assertThat(run.output().get("topicoNotificacao").asText()).isEqualTo("stepstream.notifications");
    assertThat(run.output().get("extra").asText()).isEqualTo("x");
  }

  @Test
  void shouldFailTheTaskWhenTheNotificationCannotBePublished() {
    NotificationPublisher fora = new NotificationPublisher() {
      @Override
      public String destination() {
        return "t";
      }

      @Override
      public void publish(String key, JsonNode notification) {
        throw new IllegalStateException("broker indisponível");
      }
    };

    TaskRun run = harness.run(new EnviarNotificacao(fora, clock), Map.of("arquivo", "/a.png"));

    assertThat(run.error()).isEqualTo("java.lang.IllegalStateException");
    assertThat(run.cause()).isEqualTo("broker indisponível");
  }
}
