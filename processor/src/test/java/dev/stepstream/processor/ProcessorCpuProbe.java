package dev.stepstream.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stepstream.wire.StartExecution;
import dev.stepstream.wire.StateMachineRecord;
import dev.stepstream.wire.TaskRequest;
import dev.stepstream.wire.TaskSucceeded;
import dev.stepstream.wire.TopicCatalogue;
import dev.stepstream.wire.WireJson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.IntFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Not a test: a by-hand probe of the processor's own CPU per step, without Kafka clients or I/O, so
 * that it holds on a loaded machine. The real topology runs under TopologyTestDriver; W1 starts
 * 10-Pass executions, W2 answers 10-Task executions with their input, as the bench's echo worker does.
 * Only the thread CPU spent inside the topology is counted (the "worker" side is outside).
 *
 * <p>Run: {@code java -cp <processor test classpath> dev.stepstream.processor.ProcessorCpuProbe
 * [exactly-once|fast] [round trips]}.
 */
public final class ProcessorCpuProbe {
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Probe";
  private static final String TASK = "BenchEcho";
  private static final JsonNode INPUT = JsonNodeFactory.instance.objectNode().put("order", 42);
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private final TopicCatalogue topics = TopicCatalogue.load();
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> commands;
  private final TestInputTopic<String, byte[]> results;
  private final TestOutputTopic<String, byte[]> tasks;
  private final TestInputTopic<String, byte[]> definitions;
  private long inside;
  private int started;

  private ProcessorCpuProbe(Path stateDir, Profile profile) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "cpu-probe");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(StepstreamTopology.build(ProcessorOptions.defaults(topics).withProfile(profile),
        TaskTopics.preProvisioned(), new ProcessorMetrics()), props);
    commands = driver.createInputTopic(topics.commands(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    results = driver.createInputTopic(topics.taskResults(), Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    definitions = driver.createInputTopic(topics.definitions(), Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    tasks = driver.createOutputTopic(topics.taskTopic(TASK), Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer());
  }

  public static void main(String[] args) throws Exception {
    Profile profile = Profile.parse(args.length > 0 ? args[0] : "exactly-once");
    int roundTrips = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    Path dir = Files.createTempDirectory("cpu-probe");
    for (int round = 0; round < 3; round++) {
      try (ProbeRun run = new ProbeRun(new ProcessorCpuProbe(dir.resolve("w1-" + round), profile))) {
        run.probe.report("W1 " + profile.settingName() + " us/transition", run.probe.passChains(roundTrips / 10), 10);
      }
      try (ProbeRun run = new ProbeRun(new ProcessorCpuProbe(dir.resolve("w2-" + round), profile))) {
        run.probe.report("W2 " + profile.settingName() + " us/round trip", run.probe.taskChains(roundTrips), 1);
      }
    }
  }

  private record ProbeRun(ProcessorCpuProbe probe) implements AutoCloseable {
    @Override
    public void close() {
      probe.driver.close();
    }
  }

  private void report(String label, long units, int perUnit) {
    System.out.printf(Locale.ROOT, "%-36s %8.2f  (%,d units)%n", label, inside / 1_000.0 / units / perUnit, units);
  }

  private void define(String name, int states, IntFunction<String> state) {
    StringBuilder json = new StringBuilder("{\"StartAt\": \"S0\", \"States\": {");
    for (int i = 0; i < states; i++) {
      json.append(i == 0 ? "" : ",").append("\"S").append(i).append("\": ").append(state.apply(i))
          .append(i == states - 1 ? ", \"End\": true}" : ", \"Next\": \"S" + (i + 1) + "\"}");
    }
    definitions.pipeInput(MACHINE, WireJson.encode(new StateMachineRecord(1, MACHINE, name,
        StateMachineRecord.KIND_STATE_MACHINE, json.append("}}").toString(), "STANDARD",
        "arn:aws:iam::123456789012:role/probe", "r1", 1L, 1L)));
  }

  private byte[] start(String name) {
    String arn = "arn:aws:states:us-east-1:123456789012:execution:Probe:" + name;
    return WireJson.encode(new StartExecution(1, arn, MACHINE, name, INPUT, 1L));
  }

  /** Executions of 10 Pass states; the first half warms up. Returns executions measured. */
  private long passChains(int executions) {
    define("Probe", 10, i -> "{\"Type\": \"Pass\"");
    List<byte[]> starts = new ArrayList<>();
    for (int i = 0; i < executions; i++) {
      starts.add(start("e" + i));
    }
    for (int i = 0; i < executions; i++) {
      if (i == executions / 2) {
        inside = 0;
      }
      long before = CPU.getCurrentThreadCpuTime();
      commands.pipeInput(arnOf(starts.get(i)), starts.get(i));
      inside += CPU.getCurrentThreadCpuTime() - before;
    }
    return executions - executions / 2;
  }

  /** 1,000 executions of 10 Tasks in flight; the first half of the round trips warms up. */
  private long taskChains(int roundTrips) {
    define("Probe", 10, i -> "{\"Type\": \"Task\", \"Resource\": \"arn:aws:lambda:us-east-1:123456789012:function:"
        + TASK + "\"");
    pipeStarts(1_000);
    long done = 0;
    while (done < roundTrips) {
      List<TaskSucceeded> answers = new ArrayList<>();
      int finished = 0;
      for (byte[] value : tasks.readValuesToList()) {
        TaskRequest request = WireJson.decode(value, TaskRequest.class);
        finished += "S9".equals(request.stateName()) ? 1 : 0;
        answers.add(new TaskSucceeded(1, request.executionArn(), request.taskToken(), request.input(), null));
      }
      List<byte[]> encoded = answers.stream().map(WireJson::encode).toList();
      if (done < roundTrips / 2 && done + answers.size() >= roundTrips / 2) {
        inside = 0;
      }
      long before = CPU.getCurrentThreadCpuTime();
      for (int i = 0; i < encoded.size(); i++) {
        results.pipeInput(answers.get(i).executionArn(), encoded.get(i));
      }
      inside += CPU.getCurrentThreadCpuTime() - before;
      done += answers.size();
      pipeStarts(finished);
    }
    return done - roundTrips / 2;
  }

  private void pipeStarts(int count) {
    for (int i = 0; i < count; i++) {
      byte[] start = start("t" + started++);
      long before = CPU.getCurrentThreadCpuTime();
      commands.pipeInput(arnOf(start), start);
      inside += CPU.getCurrentThreadCpuTime() - before;
    }
  }

  private static String arnOf(byte[] start) {
    return WireJson.decode(start, StartExecution.class).executionArn();
  }
}
