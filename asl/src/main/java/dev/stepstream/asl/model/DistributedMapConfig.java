package dev.stepstream.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepstream.asl.eval.Expression;
import java.util.Objects;
import java.util.Optional;

/**
 * The Map fields that only a DISTRIBUTED Map accepts. ItemReader, ItemBatcher and ResultWriter are
 * kept as the raw (read-only) configuration objects from the definition; ItemReader and ResultWriter
 * are also compiled as payload templates ({@code .$} keys, or JSONata), evaluated when the Map starts.
 */
public record DistributedMapConfig(
    Optional<JsonNode> itemReader,
    Optional<JsonNode> itemBatcher,
    Optional<JsonNode> resultWriter,
    Optional<DynamicValue> toleratedFailurePercentage,
    Optional<DynamicValue> toleratedFailureCount,
    Optional<String> label,
    Optional<Expression> itemReaderTemplate,
    Optional<Expression> resultWriterTemplate) {

  public static final DistributedMapConfig NONE =
      new DistributedMapConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty());

  /** Without compiled templates. */
  public DistributedMapConfig(Optional<JsonNode> itemReader, Optional<JsonNode> itemBatcher,
      Optional<JsonNode> resultWriter, Optional<DynamicValue> toleratedFailurePercentage,
      Optional<DynamicValue> toleratedFailureCount, Optional<String> label) {
    this(itemReader, itemBatcher, resultWriter, toleratedFailurePercentage, toleratedFailureCount, label,
        Optional.empty(), Optional.empty());
  }

  public DistributedMapConfig {
    Objects.requireNonNull(itemReader, "itemReader");
    Objects.requireNonNull(itemBatcher, "itemBatcher");
    Objects.requireNonNull(resultWriter, "resultWriter");
    Objects.requireNonNull(toleratedFailurePercentage, "toleratedFailurePercentage");
    Objects.requireNonNull(toleratedFailureCount, "toleratedFailureCount");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(itemReaderTemplate, "itemReaderTemplate");
    Objects.requireNonNull(resultWriterTemplate, "resultWriterTemplate");
  }
}
