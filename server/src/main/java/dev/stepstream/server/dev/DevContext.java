package dev.stepstream.server.dev;

import dev.stepstream.wire.TopicCatalogue;
import java.nio.file.Path;

/**
 * What a {@link DevExtension} gets from dev: the running cluster and where things go.
 *
 * @param bootstrapServers the Kafka cluster dev uses (embedded or {@code --kafka})
 * @param topics the topic catalogue with dev's prefix; the engine consumes and produces these
 * @param dataDir dev's data directory, kept between runs; extensions keep their files under it
 * @param region region of the ARNs the API creates
 * @param account account of the ARNs the API creates
 */
public record DevContext(String bootstrapServers, TopicCatalogue topics, Path dataDir, String region, String account) {}
