package dev.stepstream.testkit.kafka;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link KafkaCluster} into test constructors, lifecycle methods and tests. One cluster
 * is started per test JVM (starting a broker costs seconds on a small machine) and stopped when
 * the JUnit run ends. Tests isolate themselves with unique topic names and group ids.
 */
public final class KafkaClusterExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KafkaClusterExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KafkaCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return shared(context);
  }

  /** The JVM-wide cluster, started on first use. */
  public static KafkaCluster shared(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    return store.getOrComputeIfAbsent("cluster", k -> new Resource(KafkaClusters.startCluster()), Resource.class).cluster();
  }

  private record Resource(AutoCloseable closeable) implements ExtensionContext.Store.CloseableResource {
    KafkaCluster cluster() {
      return (KafkaCluster) closeable;
    }

    @Override
    public void close() throws Exception {
      closeable.close();
    }
  }
}
