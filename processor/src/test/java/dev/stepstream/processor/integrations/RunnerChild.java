package dev.stepstream.processor.integrations;

import dev.stepstream.wire.TopicCatalogue;

/** An integration runner alone in a JVM, for the kill -9 test: {@code <bootstrap> <prefix> <application id>}. */
public final class RunnerChild {
  private RunnerChild() {}

  public static void main(String[] args) throws InterruptedException {
    TopicCatalogue topics = TopicCatalogue.load(args[1]);
    IntegrationRunner.start(args[0], topics, args[2], "child", IntegrationSettings.defaults(args[1]));
    System.out.println("runner started");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
