package dev.stepstream.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Every state name a raw state may transition to, with the pointer of the field naming it. */
final class Transitions {
  record Target(String pointer, String stateName) {}

  private Transitions() {}

  static List<Target> of(StateView state) {
    List<Target> targets = new ArrayList<>();
    addIfText(targets, state.pointer("Next"), state.get("Next"));
    addIfText(targets, state.pointer("Default"), state.get("Default"));
    addNextOfEach(targets, state, "Choices");
    addNextOfEach(targets, state, "Catch");
    return targets;
  }

  private static void addNextOfEach(List<Target> targets, StateView state, String field) {
    JsonNode array = state.get(field);
    if (!array.isArray()) {
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      addIfText(targets, state.pointer(field) + "/" + i + "/Next", array.get(i).path("Next"));
    }
  }

  private static void addIfText(List<Target> targets, String pointer, JsonNode value) {
    if (value.isTextual()) {
      targets.add(new Target(pointer, value.textValue()));
    }
  }
}
