package dev.stepstream.processor.integrations;

import java.util.List;

/** What every messaging integration adds to the records it writes. */
final class Messages {
  private Messages() {}

  /** A {@code .waitForTaskToken} call's token (and execution) in headers, for request-reply over topics. */
  static void addTokenHeaders(List<Outgoing.Header> headers, Call call) {
    if (call.waitForTaskToken()) {
      headers.add(new Outgoing.Header(Integration.TASK_TOKEN_HEADER, call.request().taskToken()));
      headers.add(new Outgoing.Header(Integration.EXECUTION_ARN_HEADER, call.request().executionArn()));
    }
  }
}
