package dev.stepstream.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.diag.Diagnostics;
import dev.stepstream.asl.model.QueryLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The raw definition split into scopes and states, for the rules. Built defensively: anything of
 * the wrong shape is simply not descended into (the rules report it).
 */
public final class DefinitionView {
  private final JsonNode root;
  private final QueryLanguage topLanguage;
  private final boolean express;
  private final List<ScopeView> scopes = new ArrayList<>();
  private final List<StateView> states = new ArrayList<>();

  private DefinitionView(JsonNode root, boolean express) {
    this.root = root;
    this.express = express;
    JsonNode language = root.path("QueryLanguage");
    this.topLanguage = language.isTextual()
        ? QueryLanguage.fromJson(language.textValue()).orElse(QueryLanguage.JSONPATH)
        : QueryLanguage.JSONPATH;
  }

  public static DefinitionView of(JsonNode root) {
    return of(root, false);
  }

  /** The view of a definition for a STANDARD ({@code express} false) or EXPRESS state machine. */
  public static DefinitionView of(JsonNode root, boolean express) {
    DefinitionView view = new DefinitionView(root, express);
    if (root.isObject()) {
      view.collect(new ScopeView("", root, null, ScopeView.Kind.TOP_LEVEL));
    }
    return view;
  }

  private void collect(ScopeView scope) {
    scopes.add(scope);
    for (Map.Entry<String, JsonNode> entry : scope.states().entrySet()) {
      JsonNode node = entry.getValue();
      if (!node.isObject()) {
        continue;
      }
      String pointer = Diagnostics.child(scope.statesPointer(), entry.getKey());
      StateView state = new StateView(entry.getKey(), pointer, node, languageOf(node), scope);
      states.add(state);
      collectNested(state);
    }
  }

  private void collectNested(StateView state) {
    if ("Parallel".equals(state.type()) && state.get("Branches").isArray()) {
      JsonNode branches = state.get("Branches");
      for (int i = 0; i < branches.size(); i++) {
        if (branches.get(i).isObject()) {
          collect(new ScopeView(Diagnostics.child(state.pointer("Branches"), i), branches.get(i), state.name(), ScopeView.Kind.BRANCH));
        }
      }
    } else if ("Map".equals(state.type())) {
      String field = state.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
      if (state.get(field).isObject()) {
        collect(new ScopeView(state.pointer(field), state.get(field), state.name(), ScopeView.Kind.ITEM_PROCESSOR));
      }
    }
  }

  private QueryLanguage languageOf(JsonNode state) {
    JsonNode language = state.path("QueryLanguage");
    if (language.isTextual()) {
      return QueryLanguage.fromJson(language.textValue()).orElse(topLanguage);
    }
    return topLanguage;
  }

  public JsonNode root() {
    return root;
  }

  public boolean express() {
    return express;
  }

  public QueryLanguage topLanguage() {
    return topLanguage;
  }

  public List<ScopeView> scopes() {
    return List.copyOf(scopes);
  }

  public List<StateView> states() {
    return List.copyOf(states);
  }
}
