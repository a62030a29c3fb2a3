package dev.stepstream.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * The identity of the last input applied to an execution and what the host wrote for that
 * decision, kept in the execution state by an at-least-once host (the processor's fast profile).
 * After a crash the restored state can already include an input whose outputs were never written;
 * when that input is delivered again the engine ignores it (its token or timer is consumed) and the
 * host writes these outputs again. The outputs are the host's own encoding, opaque to the engine, so
 * the host can keep the very bytes it wrote instead of encoding every event and effect once more.
 *
 * @param inputId the input's own identity (e.g. {@code task:<token>}, {@code timer:<id>}), never blank
 * @param outputs the host's record of the decision's outputs
 */
public record AppliedInput(String inputId, byte[] outputs) {
  public AppliedInput {
    Objects.requireNonNull(inputId, "inputId");
    Objects.requireNonNull(outputs, "outputs");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AppliedInput that && inputId.equals(that.inputId) && Arrays.equals(outputs, that.outputs);
  }

  @Override
  public int hashCode() {
    return 31 * inputId.hashCode() + Arrays.hashCode(outputs);
  }

  @Override
  public String toString() {
    return "AppliedInput[inputId=" + inputId + ", outputs=" + outputs.length + " bytes]";
  }
}
