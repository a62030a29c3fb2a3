package dev.stepstream.server.cli;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.concurrent.TimeUnit;

/**
 * Span export over OTLP/HTTP (protobuf) for {@code stepstream serve --otlp-endpoint URL}: an
 * OpenTelemetry SDK with service name {@code stepstream} and a batching exporter to {@code URL}
 * (for a collector, {@code http://host:4318/v1/traces}). Off unless the option is given.
 */
final class OtlpTracing implements AutoCloseable {
  private final OpenTelemetrySdk sdk;

  private OtlpTracing(OpenTelemetrySdk sdk) {
    this.sdk = sdk;
  }

  /** An SDK exporting to {@code endpoint}, not yet installed globally. */
  static OtlpTracing create(String endpoint) {
    OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(endpoint).build();
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(
            Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "stepstream"))))
        .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
        .build();
    return new OtlpTracing(OpenTelemetrySdk.builder().setTracerProvider(provider).build());
  }

  /** Installs this SDK as the global OpenTelemetry, where the processor finds it. Call once, before it starts. */
  OtlpTracing installGlobally() {
    io.opentelemetry.api.GlobalOpenTelemetry.set(sdk);
    return this;
  }

  OpenTelemetrySdk sdk() {
    return sdk;
  }

  /** Exports what is pending, then stops. */
  @Override
  public void close() {
    sdk.getSdkTracerProvider().shutdown().join(10, TimeUnit.SECONDS);
  }
}
