package dev.stepstream.server.cli;

import dev.stepstream.engine.EngineOptions;
import dev.stepstream.processor.ProcessorConfig;
import dev.stepstream.processor.Profile;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.server.api.ApiServer;
import dev.stepstream.server.api.ApiSettings;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.server.api.backend.ProcessorQueries;
import dev.stepstream.wire.TopicCatalogue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    description = "Run the processor and the AWS-compatible API against an existing Kafka cluster.",
    mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT", description = "The Kafka bootstrap servers.")
  String kafka;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address the API listens on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "8083", description = "API port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--region", defaultValue = Arns.DEFAULT_REGION, description = "Region in ARNs (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--account", defaultValue = Arns.DEFAULT_ACCOUNT, description = "Account in ARNs (default: ${DEFAULT-VALUE}).")
  String account;

  @Option(names = "--topic-prefix", defaultValue = "stepstream.", description = "Topic name prefix (default: ${DEFAULT-VALUE}).")
  String topicPrefix;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Processor state (default: ~/.stepstream/serve).")
  Path stateDir;

  @Option(names = "--profile", defaultValue = "EXACTLY_ONCE", description = "EXACTLY_ONCE, LATENCY or FAST (default: ${DEFAULT-VALUE}).")
  Profile profile;

  @Override
  public Integer call() throws InterruptedException {
    TopicCatalogue topics = TopicCatalogue.load(topicPrefix);
    try (TopicProvisioner provisioner = new TopicProvisioner(kafka, topics, 6, (short) -1)) {
      provisioner.awaitReachable(Duration.ofSeconds(30));
      provisioner.ensureCatalogueTopics();
    }
    Path dir = stateDir != null ? stateDir : Path.of(System.getProperty("user.home"), ".stepstream", "serve");
    ProcessorConfig config = new ProcessorConfig(kafka, "stepstream", topics, dir.toAbsolutePath(), profile, 1,
        Duration.ofMillis(50), Map.of());
    StepstreamProcessor processor = StepstreamProcessor.start(config, EngineOptions.defaults(), Duration.ofSeconds(120));
    ApiServer api;
    try {
      api = ApiServer.start(ApiSettings.defaults(kafka, topics).withHost(host).withPort(port)
          .withArns(new Arns(region, account)), new ProcessorQueries(processor), processor.metrics());
    } catch (RuntimeException e) {
      processor.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      api.close();
      processor.close();
      stopped.countDown();
    }, "stepstream-serve-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Stepstream API on http://%s:%d (AWS endpoint), processor on %s. Press Ctrl-C to stop.%n",
        host, api.port(), kafka);
    out.flush();
    stopped.await();
    return 0;
  }
}
