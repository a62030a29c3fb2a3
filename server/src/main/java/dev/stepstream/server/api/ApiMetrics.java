package dev.stepstream.server.api;

import dev.stepstream.processor.ProcessorMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.ToDoubleFunction;

/** Prometheus metrics at {@code /metrics}: the processor's counters and the API's requests. */
public final class ApiMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public ApiMetrics(ProcessorMetrics processor) {
    if (processor != null) {
      counter("stepstream.processor.applied", "Commands, task results and timers that changed an execution",
          processor, ProcessorMetrics::appliedCount);
      counter("stepstream.processor.ignored", "Inputs that changed nothing (stale tokens, finished executions)",
          processor, ProcessorMetrics::ignoredCount);
      counter("stepstream.processor.dead.lettered", "Records sent to the dead-letter topic",
          processor, ProcessorMetrics::deadLetteredCount);
      counter("stepstream.processor.timers.fired", "Durable timers fired", processor, ProcessorMetrics::timersFiredCount);
    }
  }

  private void counter(String name, String help, ProcessorMetrics source, ToDoubleFunction<ProcessorMetrics> read) {
    FunctionCounter.builder(name, source, read).description(help).register(registry);
  }

  /** Counts one AWS API call by operation and outcome (the AWS error name, or "OK"). */
  public void request(String operation, String outcome) {
    Counter.builder("stepstream.api.requests").description("AWS API requests")
        .tag("operation", operation).tag("outcome", outcome).register(registry).increment();
  }

  /** The registry behind /metrics, for other components' meters (the triggers'). */
  public MeterRegistry registry() {
    return registry;
  }

  public String scrape() {
    return registry.scrape();
  }
}
