package dev.stepstream.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TraceContextTest {
  private static final String XRAY = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

  @Test
  void shouldMapAnXRayHeaderToW3cAndBack() {
    TraceContext trace = TraceContext.fromHeader(XRAY, "0000000000000001").orElseThrow();

    assertThat(trace.traceparent()).isEqualTo("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01");
    assertThat(trace.xrayHeader()).isEqualTo(XRAY);
  }

  @Test
  void shouldReadUnsampledHeadersFieldsInAnyOrderAndAMissingParent() {
    TraceContext trace = TraceContext.fromHeader("Sampled=0;Root=1-5759e988-bd862e3fe1be46a994272793;Self=x",
        "00000000000000aa").orElseThrow();

    assertThat(trace.traceparent()).isEqualTo("00-5759e988bd862e3fe1be46a994272793-00000000000000aa-00");
  }

  @Test
  void shouldAcceptAW3cTraceparentAndRefuseGarbage() {
    assertThat(TraceContext.fromHeader("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01", "0000000000000001"))
        .map(TraceContext::xrayHeader).contains(XRAY);
    assertThat(TraceContext.fromHeader("my own header", "0000000000000001")).isEmpty();
    assertThat(TraceContext.fromTraceparent("00-00000000000000000000000000000000-53995c3f42cd8ad8-01")).isEmpty();
  }

  @Test
  void shouldGenerateValidIdsAndKeepTheTraceForAChildSpan() {
    TraceContext trace = TraceContext.generate(new SplittableRandom(7));
    TraceContext child = trace.withSpanId(TraceContext.newSpanId(new SplittableRandom(8)));

    assertThat(TraceContext.fromTraceparent(trace.traceparent())).contains(trace);
    assertThat(child.traceId()).isEqualTo(trace.traceId());
    assertThat(child.spanId()).isNotEqualTo(trace.spanId());
  }

  @Test
  void shouldGenerateTheSameZeroPaddedIdsFromTheSameSeedAsBefore() {
    SplittableRandom expected = new SplittableRandom(42);
    String traceId = String.format("%016x", expected.nextLong()) + String.format("%016x", expected.nextLong());
    String spanId = String.format("%016x", expected.nextLong());

    TraceContext generated = TraceContext.generate(new SplittableRandom(42));

    assertThat(generated.traceId()).isEqualTo(traceId);
    assertThat(generated.spanId()).isEqualTo(spanId);
  }

  @Test
  void shouldRefuseIdsThatAreNotLowerCaseHexOfTheRightLengthOrAllZero() {
    String trace = "5759e988bd862e3fe1be46a994272793";
    String span = "53995c3f42cd8ad8";

    assertThat(TraceContext.fromTraceparent("00-" + trace + "-" + span + "-01")).isPresent();
    assertThat(TraceContext.fromTraceparent("00-" + trace + "-0000000000000000-01")).isEmpty();
    assertThat(TraceContext.fromTraceparent("00-" + "0".repeat(32) + "-" + span + "-01")).isEmpty();
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new TraceContext(trace.toUpperCase(java.util.Locale.ROOT), span, true));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new TraceContext(trace, span + "0", true));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new TraceContext(trace, "53995c3f42cd8adg", true));
  }
}
