package dev.stepstream.examples.imagepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.WireJson;
import dev.stepstream.worker.TaskContext;
import dev.stepstream.worker.TaskHandler;
import java.time.Clock;
import java.util.List;

/**
 * Task {@code EnviarNotificacao}: publishes a notification that the image is ready, keyed by the
 * execution ARN (a redelivered task may publish it twice; readers deduplicate by key). The
 * notification is {@code {"tipo": "ImagemProcessada", "execucao", "arquivo", "miniatura", ...,
 * "enviadoEm"}}. Output: the input plus {@code notificado: true} and {@code topicoNotificacao}.
 */
public final class EnviarNotificacao implements TaskHandler {
  public static final String TASK = "EnviarNotificacao";
  private static final List<String> CAMPOS_COPIADOS =
      List.of("nome", "arquivo", "miniatura", "largura", "altura", "larguraMiniatura", "alturaMiniatura");

  private final NotificationPublisher publisher;
  private final Clock clock;

  public EnviarNotificacao(NotificationPublisher publisher) {
    this(publisher, Clock.systemUTC());
  }

  public EnviarNotificacao(NotificationPublisher publisher, Clock clock) {
    this.publisher = publisher;
    this.clock = clock;
  }

  @Override
  public Object handle(JsonNode input, TaskContext ctx) throws Exception {
    ObjectNode entrada = Entrada.objeto(input, "arquivo");
    publisher.publish(ctx.executionArn(), notificacao(entrada, ctx));

    ObjectNode saida = Entrada.saida(entrada);
    saida.put("notificado", true);
    saida.put("topicoNotificacao", publisher.destination());
    return saida;
  }

  private ObjectNode notificacao(ObjectNode entrada, TaskContext ctx) {
    ObjectNode notificacao = WireJson.mapper().createObjectNode();
    notificacao.put("tipo", "ImagemProcessada");
    notificacao.put("execucao", ctx.executionArn());
    for (String campo : CAMPOS_COPIADOS) {
      if (entrada.has(campo)) {
        notificacao.set(campo, entrada.get(campo));
      }
    }
    notificacao.put("enviadoEm", clock.millis());
    return notificacao;
  }
}
