package dev.stepstream.processor.integrations;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Where a Distributed Map's ItemReader and ResultWriter find files, and how much one Map Run reads.
 *
 * @param objectStoreRoot the directory that stands for Amazon S3: bucket {@code b}, key {@code k} is
 *     {@code <root>/b/k}
 * @param maxItemBytes the largest JSON of all items one read may return (they travel in one record)
 */
public record MapRunSettings(Path objectStoreRoot, int maxItemBytes) {
  /** System property of the object store root; default {@code ./stepstream-objects}. */
  public static final String OBJECT_STORE_ROOT = IntegrationSettings.PROPERTY_PREFIX + "objectStoreRoot";
  /** System property of {@link #maxItemBytes}; default 900,000 (under Kafka's default 1 MiB record). */
  public static final String MAX_ITEM_BYTES = IntegrationSettings.PROPERTY_PREFIX + "maxItemBytes";

  public static MapRunSettings defaults() {
    return new MapRunSettings(Path.of("stepstream-objects"), 900_000);
  }

  public static MapRunSettings fromProperties(Properties properties) {
    MapRunSettings d = defaults();
    return new MapRunSettings(Path.of(properties.getProperty(OBJECT_STORE_ROOT, d.objectStoreRoot().toString())),
        Integer.parseInt(properties.getProperty(MAX_ITEM_BYTES, String.valueOf(d.maxItemBytes())).trim()));
  }
}
