package dev.stepstream.server.api;

import dev.stepstream.processor.ProcessorMetrics;
import dev.stepstream.processor.StepstreamProcessor;
import dev.stepstream.processor.topics.TopicProvisioner;
import dev.stepstream.server.api.auth.ApiAuth;
import dev.stepstream.server.api.aws.AwsJsonEndpoint;
import dev.stepstream.server.api.aws.Operation;
import dev.stepstream.server.api.backend.ActivityTasks;
import dev.stepstream.server.api.console.ConsoleQueries;
import dev.stepstream.server.api.console.ConsoleRoutes;
import dev.stepstream.server.api.console.MetricsSummary;
import dev.stepstream.server.api.console.StudioValidation;
import dev.stepstream.server.api.console.TaskLag;
import dev.stepstream.server.api.backend.Backend;
import dev.stepstream.server.api.backend.Definitions;
import dev.stepstream.server.api.backend.ExecutionQueries;
import dev.stepstream.server.api.backend.Executions;
import dev.stepstream.server.api.backend.PeerRoutes;
import dev.stepstream.server.api.backend.Publisher;
import dev.stepstream.server.api.backend.RoutedQueries;
import dev.stepstream.server.api.ops.ActivityOps;
import dev.stepstream.server.api.ops.AliasOps;
import dev.stepstream.server.api.ops.ExecutionOps;
import dev.stepstream.server.api.ops.HistoryOps;
import dev.stepstream.server.api.ops.MapRunOps;
import dev.stepstream.server.api.ops.StateMachineOps;
import dev.stepstream.server.api.ops.TagOps;
import dev.stepstream.server.api.ops.TaskOps;
import dev.stepstream.server.api.ops.TestStateOps;
import dev.stepstream.server.api.ops.ValidateOps;
import dev.stepstream.server.api.ops.VersionOps;
import dev.stepstream.server.api.ops.Versions;
import dev.stepstream.server.api.rest.RestRoutes;
import dev.stepstream.server.schedules.ScheduleRoutes;
import dev.stepstream.server.schedules.Schedules;
import dev.stepstream.server.triggers.TriggerRoutes;
import dev.stepstream.server.triggers.TriggerService;
import dev.stepstream.server.triggers.Triggers;
import dev.stepstream.wire.KafkaConnection;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the AWS-compatible API at {@code POST /}, REST and Server-Sent Events under
 * {@code /api/}, Prometheus at {@code /metrics}, the web console at {@code /} (GET). Stateless: everything it knows is on Kafka topics
 * or in the processor's stores.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private final List<AutoCloseable> resources;
  private final Javalin app;

  private ApiServer(List<AutoCloseable> resources, Javalin app) {
    this.resources = resources;
    this.app = app;
  }

  /**
   * Starts the API.
   *
   * @param queries the processor's interactive queries
   * @param processorMetrics exported at /metrics, or null
   */
  public static ApiServer start(ApiSettings settings, ExecutionQueries queries, ProcessorMetrics processorMetrics) {
    return start(settings, KafkaConnection.of(settings.bootstrapServers()), queries, processorMetrics, null,
        Optional::empty);
  }

  /**
   * Starts the API over the processor in this JVM: execution queries go to whichever instance owns
   * the execution (this one, or another one's {@code /internal/} endpoints, which this API serves
   * too), so any instance answers for every execution.
   */
  public static ApiServer start(ApiSettings settings, StepstreamProcessor processor) {
    ApiSettings signed = settings.tokenKeys() != null ? settings : settings.withTokenKeys(processor.tokenKeys());
    String peerSecret = settings.accessKeys() == null ? null : settings.accessKeys().peerSecret();
    return start(signed, processor.kafkaConnection(), RoutedQueries.over(processor, peerSecret), processor.metrics(),
        new PeerRoutes(processor),
        () -> processor.state() == KafkaStreams.State.RUNNING ? Optional.empty()
            : Optional.of("the processor is " + processor.state() + ", not RUNNING"));
  }

  private static ApiServer start(ApiSettings settings, KafkaConnection kafka, ExecutionQueries queries,
      ProcessorMetrics processorMetrics, PeerRoutes peerRoutes, Supplier<Optional<String>> notReadyReason) {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      Backend backend = backend(settings, kafka, queries, resources);
      ApiMetrics metrics = new ApiMetrics(processorMetrics);
      TaskLag lag = add(resources, new TaskLag(kafka, settings.topics()));
      HttpLimits limits = settings.httpLimits();
      AwsJsonEndpoint aws = new AwsJsonEndpoint(operations(backend, settings), metrics::request,
          limits.maxConcurrentRequests());
      RestRoutes rest = new RestRoutes(backend, aws, settings.topics(), lag);
      TriggerRoutes triggers = triggers(settings, kafka, backend, metrics, resources);
      ScheduleRoutes schedules = new ScheduleRoutes(add(resources, Schedules.start(kafka, settings.topics().definitions(),
          settings.topics().commands(), backend.publisher().raw())), backend.definitions(), settings.arns());
      Javalin app = Javalin.create(config -> {
        JettyLimits.apply(config, limits, settings.maxRequestBytes());
        config.startup.showJavalinBanner = false;
        if (settings.accessKeys() != null) {
          config.routes.before(new ApiAuth(settings.accessKeys(), settings.arns(), Clock.systemUTC())::handle);
        }
        config.routes.post("/", aws::handle);
        new HealthRoutes(notReadyReason).register(config.routes);
        rest.register(config.routes);
        triggers.register(config.routes);
        schedules.register(config.routes);
        new ConsoleQueries(backend.executions()).register(config.routes);
        new MetricsSummary(metrics.registry(), lag, Clock.systemUTC()).register(config.routes);
        new StudioValidation().register(config.routes);
        new ConsoleRoutes().register(config.routes);
        if (peerRoutes != null) {
          peerRoutes.register(config.routes);
        }
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
        config.routes.exception(Exception.class, (e, ctx) -> AwsJsonEndpoint.respondError(ctx, e));
      });
      app.start(settings.host(), settings.port());
      return new ApiServer(resources, app);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  private static Backend backend(ApiSettings settings, KafkaConnection kafka, ExecutionQueries queries,
      List<AutoCloseable> resources) {
    Publisher publisher = add(resources, new Publisher(kafka, settings.topics()));
    Definitions definitions = add(resources, new Definitions(kafka, settings.topics().definitions(), publisher.raw()));
    Executions executions = add(resources, new Executions(kafka, settings.topics().executions(), queries));
    ActivityTasks activities = add(resources, new ActivityTasks(kafka, settings.topics(), settings.consumerGroupPrefix()));
    TopicProvisioner provisioner = add(resources, new TopicProvisioner(kafka, settings.topics(), 1, (short) -1));
    return new Backend(settings.arns(), definitions, executions, publisher, activities, provisioner, Clock.systemUTC());
  }

  /** Topic triggers: their store, the service that runs them in this instance, and their REST routes. */
  private static TriggerRoutes triggers(ApiSettings settings, KafkaConnection kafka, Backend backend, ApiMetrics metrics,
      List<AutoCloseable> resources) {
    Triggers triggers = add(resources, Triggers.start(kafka, settings.topics().definitions(),
        backend.publisher().raw()));
    TriggerService service = add(resources, TriggerService.start(triggers, kafka,
        settings.topics().prefix() + "trigger.", UUID.randomUUID().toString(), settings.topics(),
        backend.definitions(), backend.executions(), metrics.registry()));
    return new TriggerRoutes(triggers, backend.definitions(), service, settings.arns());
  }

  private static <T extends AutoCloseable> T add(List<AutoCloseable> resources, T resource) {
    resources.add(resource);
    return resource;
  }

  private static Map<String, Operation> operations(Backend backend, ApiSettings settings) {
    Map<String, Operation> ops = new HashMap<>();
    Versions versions = new Versions(backend);
    StateMachineOps machines = new StateMachineOps(backend, versions);
    machines.register(ops);
    new VersionOps(backend, versions).register(ops);
    new AliasOps(backend, versions).register(ops);
    ExecutionOps executions = new ExecutionOps(backend, machines);
    executions.register(ops);
    new HistoryOps(backend, executions).register(ops);
    new MapRunOps(backend, executions).register(ops);
    new TaskOps(backend, settings.tokenKeys()).register(ops);
    new ActivityOps(backend, settings.activityLongPoll()).register(ops);
    new TagOps(backend).register(ops);
    new ValidateOps().register(ops);
    new TestStateOps().register(ops);
    return ops;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    closeAll(resources);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.warn("Could not close {}: {}", resources.get(i).getClass().getSimpleName(), e.toString());
      }
    }
    resources.clear();
  }
}
