package dev.stepstream.worker.internal;

import dev.stepstream.wire.TopicCatalogue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the worker's task topic when it does not exist yet, so a worker can subscribe before the
 * first task request (a task name computed per execution, such as a lambda:invoke FunctionName from
 * the input, gets its topic from the engine only at the first request). Partitions and replication are
 * the broker's defaults; cleanup and retention are the catalogue's. A worker that may not create
 * topics logs a warning and subscribes anyway.
 */
final class TaskTopicCreator {
  private static final Logger LOG = LoggerFactory.getLogger(TaskTopicCreator.class);
  private static final long TIMEOUT_SECONDS = 15;

  private TaskTopicCreator() {}

  static void ensure(WorkerSettings settings) {
    Map<String, Object> config = new HashMap<>(settings.kafkaProperties());
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    NewTopic topic = new NewTopic(settings.taskTopic(), Optional.empty(), Optional.empty())
        .configs(TopicCatalogue.load(settings.topicPrefix()).taskTopicConfigs());
    try (Admin admin = Admin.create(config)) {
      admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      LOG.info("Created task topic {}", settings.taskTopic());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        LOG.warn("Could not create task topic {} ({}); subscribing anyway", settings.taskTopic(), e.getCause().toString());
      }
    } catch (TimeoutException e) {
      LOG.warn("Creating task topic {} timed out; subscribing anyway", settings.taskTopic());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
