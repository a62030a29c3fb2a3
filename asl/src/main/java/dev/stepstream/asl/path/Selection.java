package dev.stepstream.asl.path;

import com.fasterxml.jackson.databind.JsonNode;

/** Receives the nodes an indefinite path step selects, in document order. */
@FunctionalInterface
interface Selection {
  void accept(JsonNode node);
}
