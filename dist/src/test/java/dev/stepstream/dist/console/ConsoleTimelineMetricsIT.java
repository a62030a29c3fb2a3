package dev.stepstream.dist.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.stepstream.wire.TopicCatalogue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The execution page's timeline and the metrics dashboard in a real browser against dev (see
 * {@link ConsoleHarness}); activity tasks stand in for workers, answered by the test over the
 * AWS API, so retries, failures and latencies are under its control.
 */
class ConsoleTimelineMetricsIT extends ConsoleHarness {
  private static final Pattern AT_LEAST_TWO = Pattern.compile("[2-9]|\\d{2,}");
  private static final LocatorAssertions.HasAttributeOptions PATIENT = new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);

  ConsoleTimelineMetricsIT() {
    super("consoletl.");
  }

  @Test
  void shouldDrawATimelineWithRetriesParallelBranchesAndAMapLiveUntilTheEnd() throws Exception {
    String activity = createActivity("FlakyWork");
    createMachine("Timeline", """
        {"StartAt": "Prepare", "States": {
          "Prepare": {"Type": "Pass", "Result": {"items": [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]}, "Next": "Call"},
          "Call": {"Type": "Task", "Resource": "%s", "ResultPath": null, "Next": "Both",
                   "Retry": [{"ErrorEquals": ["Flaky.Error"], "IntervalSeconds": 1, "MaxAttempts": 2}]},
          "Both": {"Type": "Parallel", "ResultPath": null, "Next": "Each", "Branches": [
            {"StartAt": "Left", "States": {"Left": {"Type": "Pass", "End": true}}},
            {"StartAt": "Right", "States": {"Right": {"Type": "Wait", "Seconds": 1, "End": true}}}]},
          "Each": {"Type": "Map", "ItemsPath": "$.items", "Next": "Done",
                   "ItemProcessor": {"StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "End": true}}}},
          "Done": {"Type": "Succeed"}}}""".formatted(activity));
    String arn = startExecution("Timeline", "timeline-1", "{}");

    page.navigate(base + "/executions/" + encode(arn));
    page.evaluate("() => { window.__sameDocument = true; }");
    Locator timeline = page.getByTestId("timeline");
    assertThat(row("Prepare")).hasAttribute("data-timeline-status", "SUCCEEDED");
    assertThat(row("Call")).hasAttribute("data-timeline-status", "IN_PROGRESS");
    assertThat(row("Call")).hasAttribute("data-timeline-attempts", "1");

    String first = activityTask(activity);
    aws("SendTaskFailure", JSON.createObjectNode().put("taskToken", first).put("error", "Flaky.Error").put("cause", "try again"));
    assertThat(row("Call").locator("[data-timeline-attempt='1']")).hasAttribute("data-timeline-status", "FAILED");
    String second = activityTask(activity);
    aws("SendTaskSuccess", JSON.createObjectNode().put("taskToken", second).put("output", "{}"));

    assertThat(page.getByTestId("execution-status")).hasAttribute("data-status", "SUCCEEDED", PATIENT);
    assertThat(page.evaluate("() => window.__sameDocument === true")).isEqualTo(true);
    assertThat(row("Call")).hasAttribute("data-timeline-status", "SUCCEEDED");
    assertThat(row("Call")).hasAttribute("data-timeline-attempts", "2");
    assertThat(row("Call")).containsText("1 retry");
    assertThat(row("Left")).hasAttribute("data-timeline-parent", "Both");
    assertThat(row("Right")).hasAttribute("data-timeline-parent", "Both");
    assertThat(row("Right")).hasAttribute("data-timeline-status", "SUCCEEDED");
    assertThat(row("Echo")).hasAttribute("data-timeline-runs", "20");
    assertThat(row("Echo")).hasAttribute("data-timeline-parent", "Each");
    assertThat(row("Each")).hasAttribute("data-timeline-status", "SUCCEEDED");
    assertThat(timeline.locator("[data-timeline-state]")).hasCount(8);
    long rightMs = Long.parseLong(row("Right").getAttribute("data-timeline-duration-ms"));
    assertThat(rightMs).as("the 1 s Wait's bar").isBetween(900L, 5_000L);
    page.getByTestId("timeline-card").screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve("timeline.png")));

    row("Call").click();
    assertThat(page.getByTestId("state-detail")).hasAttribute("data-detail-state", "Call");
    assertThat(page.getByTestId("state-retries")).hasText("1");
  }

  @Test
  void shouldShowPerTaskThroughputLatencyFailuresAndTheWorkersThatFallBehind() throws Exception {
    String metered = createActivity("Metered");
    createMachine("MeteredWork", """
        {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s", "End": true}}}""".formatted(metered));
    createMachine("Unserved", """
        {"StartAt": "Call", "States": {"Call": {"Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:NobodyHome", "End": true}}}""");
    for (int i = 0; i < 3; i++) {
      startExecution("MeteredWork", "metered-" + i, "{}");
      String token = activityTask(metered);
      if (i == 2) {
        aws("SendTaskFailure", JSON.createObjectNode().put("taskToken", token).put("error", "Boom"));
      } else {
        aws("SendTaskSuccess", JSON.createObjectNode().put("taskToken", token).put("output", "{}"));
      }
    }
    startExecution("Unserved", "unserved-1", "{}");
    startExecution("Unserved", "unserved-2", "{}");
    waitForRecords("NobodyHome", 2);
    resetGroupToStart("laggy-workers", "NobodyHome");

    page.navigate(base + "/");
    page.locator(".topnav a", new Page.LocatorOptions().setHasText("Metrics")).click();
    page.waitForURL("**/metrics-dashboard");

    Locator work = page.locator("[data-task='Metered']");
    assertThat(work).hasAttribute("data-dispatched", "3", PATIENT);
    assertThat(work).hasAttribute("data-succeeded", "2");
    assertThat(work).hasAttribute("data-failed", "1");
    assertThat(work.locator("[data-latency='p99']")).not().isEmpty();
    assertThat(work).not().hasAttribute("data-p50", "");
    assertThat(work.locator("[data-consumer-group]")).hasAttribute("data-behind", "false");
    Locator unserved = page.locator("[data-task='NobodyHome']");
    // End offsets count the exactly-once transaction markers too: at least the 2 requests.
    assertThat(unserved).hasAttribute("data-records", AT_LEAST_TWO);
    Locator laggy = unserved.locator("[data-consumer-group='laggy-workers']");
    assertThat(laggy).hasAttribute("data-lag", AT_LEAST_TWO);
    assertThat(laggy).hasAttribute("data-behind", "true");
    assertThat(page.locator("[data-task='SalvarImagem']")).hasAttribute("data-dispatched", Pattern.compile("[1-9]\\d*"));
    assertThat(page.locator("[data-metric='timers-pending']")).not().hasAttribute("data-value", "");
    assertThat(page.locator("[data-metric='dead-letters']")).not().hasAttribute("data-value", "");

    startExecution("MeteredWork", "metered-live", "{}");
    aws("SendTaskSuccess", JSON.createObjectNode().put("taskToken", activityTask(metered)).put("output", "{}"));
    assertThat(work).hasAttribute("data-succeeded", "3", PATIENT);
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("metrics-dashboard.png")));

    JsonNode summary = JSON.readTree(get("/api/metrics-summary"));
    assertThat(summary.get("tasks").findValuesAsText("task")).contains("Metered", "NobodyHome");
    assertThat(get("/metrics")).contains("stepstream_tasks_latency_seconds").contains("stepstream_timers_pending");
  }

  private Locator row(String state) {
    return page.getByTestId("timeline").locator("[data-timeline-state='" + state + "']");
  }

  private String createActivity(String name) throws Exception {
    return aws("CreateActivity", JSON.createObjectNode().put("name", name)).get("activityArn").asText();
  }

  /** The next task of an activity, long-polled over the AWS API. */
  private String activityTask(String activityArn) throws Exception {
    for (int i = 0; i < 10; i++) {
      JsonNode task = aws("GetActivityTask", JSON.createObjectNode().put("activityArn", activityArn).put("workerName", "it"));
      if (task.hasNonNull("taskToken") && !task.get("taskToken").asText().isEmpty()) {
        return task.get("taskToken").asText();
      }
    }
    throw new AssertionError("no task for " + activityArn);
  }

  private void waitForRecords(String task, long records) throws Exception {
    for (int i = 0; i < 100; i++) {
      JsonNode summary = JSON.readTree(get("/api/metrics-summary"));
      for (JsonNode t : summary.get("tasks")) {
        if (t.get("task").asText().equals(task) && t.path("records").asLong() >= records) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(task + " never had " + records + " records");
  }

  /** A consumer group that read nothing of the task's topic and has no members: a worker fallen behind. */
  private void resetGroupToStart(String group, String task) throws Exception {
    String topic = TopicCatalogue.load(topicPrefix).taskTopic(task);
    try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      for (TopicPartitionInfo p : admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()) {
        offsets.put(new TopicPartition(topic, p.partition()), new OffsetAndMetadata(0));
      }
      admin.alterConsumerGroupOffsets(group, offsets).all().get();
    }
  }
}
