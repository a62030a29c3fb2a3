package dev.stepstream.processor;

import dev.stepstream.engine.ExecutionState;
import dev.stepstream.engine.ExecutionStateCodec;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What the fast profile keeps in an execution's state to write a decision's outputs again: the time
 * the input was decided at and the execution's state before it (none for a start). The engine is
 * deterministic for the same state, input, time and definition (its randomness is seeded from the
 * execution and its event counter), so deciding the input again on that state yields the same
 * events, task requests, timers and summaries. It is usually far smaller than the outputs
 * themselves: a start keeps 9 bytes instead of its history, and a step keeps one copy of the state
 * instead of every event's payload and the task request's. When the outputs are smaller (a step of
 * an execution with a large state), {@link DuplicateReplay} keeps them instead.
 *
 * <p>The bytes start with {@link #FORMAT}, which no recorded outputs format (see {@link Outputs})
 * starts with, so states written by earlier versions, which recorded the outputs, are still
 * replayed from those.
 */
final class ReplayRecipe {
  /** The leading byte; the recorded outputs formats start with 0, 2 or 3. */
  static final int FORMAT = 0x52;

  private ReplayRecipe() {}

  /** A decision of {@code decidedAtMillis} on {@code before} (null for an execution's first input). */
  record Decided(long decidedAtMillis, ExecutionState before) {}

  /**
   * The recipe; {@code before}'s own last applied input is left out (it is not needed to decide
   * again). {@code beforeBytes}, the bytes {@code before} was decoded from (null if none), spare
   * encoding it again.
   */
  static byte[] of(long decidedAtMillis, ExecutionState before, byte[] beforeBytes) {
    int header = 1 + Long.BYTES;
    byte[] recipe = before == null ? new byte[header]
        : ExecutionStateCodec.encodeWithoutLastApplied(before, beforeBytes, header);
    ByteBuffer.wrap(recipe).put((byte) FORMAT).putLong(decidedAtMillis);
    return recipe;
  }

  static boolean isRecipe(byte[] bytes) {
    return bytes.length > 0 && (bytes[0] & 0xFF) == FORMAT;
  }

  static Decided read(byte[] bytes) {
    if (!isRecipe(bytes) || bytes.length < 1 + Long.BYTES) {
      throw new IllegalArgumentException("not a replay recipe (" + bytes.length + " bytes)");
    }
    long decidedAt = ByteBuffer.wrap(bytes, 1, Long.BYTES).getLong();
    int stateStart = 1 + Long.BYTES;
    ExecutionState before = bytes.length == stateStart ? null
        : ExecutionStateCodec.decode(Arrays.copyOfRange(bytes, stateStart, bytes.length));
    return new Decided(decidedAt, before);
  }
}
