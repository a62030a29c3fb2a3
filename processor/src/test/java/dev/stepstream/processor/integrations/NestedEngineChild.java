package dev.stepstream.processor.integrations;

import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.wire.TopicCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The processor and the integration runner alone in a JVM, as {@code serve} runs them, for the kill -9
 * test of nested executions: {@code <bootstrap> <prefix> <application id> <state dir>}.
 */
public final class NestedEngineChild {
  private NestedEngineChild() {}

  public static void main(String[] args) throws InterruptedException {
    TopicCatalogue topics = TopicCatalogue.load(args[1]);
    ProcessorConfig config = new ProcessorConfig(args[0], args[2], topics, Path.of(args[3]), Profile.EXACTLY_ONCE, 1,
        Duration.ofMillis(50), Map.of()).withStaticMembership("crash-engine", Duration.ofSeconds(6));
    StepstreamProcessor.start(config, EngineOptions.defaults(), Duration.ofSeconds(120));
    IntegrationRunner.start(args[0], topics, args[2], "crash-engine", IntegrationSettings.defaults(args[1]));
    System.out.println("engine started");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
