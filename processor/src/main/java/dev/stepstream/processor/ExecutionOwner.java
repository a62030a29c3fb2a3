package dev.stepstream.processor;

/**
 * Which instance answers queries about an execution right now: the one the key's partition is
 * active on, according to Kafka Streams' metadata ({@code application.server} of every instance).
 */
public sealed interface ExecutionOwner {
  /** This instance (also every key when the instance advertises no API: it answers for itself). */
  record Here() implements ExecutionOwner {}

  /** Another instance, reachable at its advertised API address. */
  record There(String host, int port) implements ExecutionOwner {}

  /** Nobody can answer now (rebalancing, not started, or the partition has no active instance). */
  record Unknown(String reason) implements ExecutionOwner {}

  ExecutionOwner HERE = new Here();
}
