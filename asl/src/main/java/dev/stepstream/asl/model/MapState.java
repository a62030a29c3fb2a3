package dev.stepstream.asl.model;

import dev.stepstream.asl.eval.Expression;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code "Type": "Map"}.
 *
 * @param items JSONPath: {@code ItemsPath} as {@link DynamicValue.FromPath}, absent = compiled {@code $};
 *     JSONata: {@code Items} (literal array or expression), empty = the state input
 * @param itemSelector {@code ItemSelector} (or the legacy {@code Parameters}) compiled, if any
 * @param maxConcurrency MaxConcurrency / MaxConcurrencyPath / JSONata value; empty = 0 (no limit)
 */
public record MapState(
    String name,
    Optional<String> comment,
    QueryLanguage queryLanguage,
    DataFlow flow,
    ItemProcessor itemProcessor,
    Optional<DynamicValue> items,
    Optional<Expression> itemSelector,
    Optional<DynamicValue> maxConcurrency,
    DistributedMapConfig distributed,
    List<Retrier> retry,
    List<Catcher> catchers,
    Transition next)
    implements State {

  public MapState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(queryLanguage, "queryLanguage");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(itemProcessor, "itemProcessor");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(itemSelector, "itemSelector");
    Objects.requireNonNull(maxConcurrency, "maxConcurrency");
    Objects.requireNonNull(distributed, "distributed");
    retry = List.copyOf(retry);
    catchers = List.copyOf(catchers);
    Objects.requireNonNull(next, "next");
  }

  @Override
  public Optional<Transition> transition() {
    return Optional.of(next);
  }
}
