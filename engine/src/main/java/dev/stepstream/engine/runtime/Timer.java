package dev.stepstream.engine.runtime;

/** A pending durable timer; {@code frameId} is -1 for the execution timeout. */
public record Timer(String id, int frameId, TimerKind kind, long dueAtMillis) {}
