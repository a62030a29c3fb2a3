package dev.stepstream.examples.imagepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stepstream.wire.WireJson;
import dev.stepstream.worker.TaskFailure;

/** Reading a task's input object and building its output from it (the input itself is never changed). */
final class Entrada {
  static final String IMAGEM_INVALIDA = "Imagem.Invalida";

  private Entrada() {}

  /** The input as an object, or {@code Imagem.Invalida} naming the field the state expects. */
  static ObjectNode objeto(JsonNode input, String campoEsperado) {
    if (!(input instanceof ObjectNode object)) {
      throw new TaskFailure(IMAGEM_INVALIDA, "A entrada deve ser um objeto JSON com o campo \"" + campoEsperado + "\"");
    }
    return object;
  }

  /** A required text field, or {@code Imagem.Invalida}. */
  static String texto(ObjectNode input, String campo) {
    JsonNode value = input.get(campo);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw new TaskFailure(IMAGEM_INVALIDA, "O campo \"" + campo + "\" é obrigatório e deve ser um texto");
    }
    return value.textValue();
  }

  /** A new object with the input's fields (subtrees shared, not copied), to add the output fields to. */
  static ObjectNode saida(ObjectNode input) {
    ObjectNode output = WireJson.mapper().createObjectNode();
    output.setAll(input);
    return output;
  }
}
