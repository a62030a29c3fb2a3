package dev.stepstream.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;

/** States.MathRandom, States.MathAdd. */
final class MathIntrinsics {
  private MathIntrinsics() {}

  /**
   * A random integer with start inclusive and end exclusive. With the optional seed the result is
   * reproducible ("If you use this function with the same seed value, it returns an identical
   * number"), so it is drawn from a generator seeded with it instead of {@code ctx.random()}.
   */
  static JsonNode random(Invocation call) {
    long start = call.integer(0);
    long end = call.integer(1);
    if (end <= start) {
      throw call.failure("the end (" + end + ") must be greater than the start (" + start + ")");
    }
    long span = end - start;
    double fraction = call.count() == 3
        ? new SplittableRandom(call.integer(2)).nextDouble()
        : call.ctx().random().nextDouble();
    long offset = Math.min(span - 1, (long) Math.floor(fraction * span));
    return JsonValues.number(start + offset);
  }

  static JsonNode add(Invocation call) {
    long left = call.integer(0);
    long right = call.integer(1);
    try {
      return JsonValues.number(Math.addExact(left, right));
    } catch (ArithmeticException overflow) {
      throw call.failure("the sum of " + left + " and " + right + " is out of range");
    }
  }
}
