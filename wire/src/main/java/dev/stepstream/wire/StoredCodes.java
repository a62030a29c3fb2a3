package dev.stepstream.wire;

import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * Looks up enum constants by the stable code they have in binary stored formats, through an array
 * indexed by code (built once per enum, so reading a stored value allocates nothing).
 */
public final class StoredCodes<E> {
  private final E[] byCode;
  private final String what;

  private StoredCodes(E[] byCode, String what) {
    this.byCode = byCode;
    this.what = what;
  }

  /**
   * @param constants every constant of the enum
   * @param code each constant's code: distinct, small and not negative
   * @param what the name of the enum in error messages ("timer kind")
   */
  public static <E> StoredCodes<E> index(E[] constants, ToIntFunction<E> code, String what) {
    int size = Arrays.stream(constants).mapToInt(code).max().orElse(-1) + 1;
    E[] byCode = Arrays.copyOf(constants, size);
    Arrays.fill(byCode, null);
    for (E constant : constants) {
      if (byCode[code.applyAsInt(constant)] != null) {
        throw new IllegalStateException("Two " + what + "s share the code " + code.applyAsInt(constant));
      }
      byCode[code.applyAsInt(constant)] = constant;
    }
    return new StoredCodes<>(byCode, what);
  }

  /**
   * The constant stored as {@code code}.
   *
   * @throws IllegalArgumentException when no constant has that code
   */
  public E of(int code) {
    E found = code >= 0 && code < byCode.length ? byCode[code] : null;
    if (found == null) {
      throw new IllegalArgumentException("Unknown " + what + " code " + code + " in a stored execution state");
    }
    return found;
  }
}
