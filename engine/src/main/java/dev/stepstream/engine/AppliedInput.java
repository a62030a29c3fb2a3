package dev.stepstream.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * The identity of the last input applied to an execution and what the host needs to write that
 * decision's outputs again, kept in the execution state by an at-least-once host (the processor's
 * fast profile). After a crash the restored state can already include an input whose outputs were
 * never written; when that input is delivered again the engine ignores it (its token or timer is
 * consumed) and the host writes those outputs again. The bytes are the host's own, opaque to the
 * engine: the processor keeps either how to decide the input again (its time and the state before
 * it) or, when smaller, the outputs it wrote.
 *
 * @param inputId the input's own identity (e.g. {@code task:<token>}, {@code timer:<id>}), never blank
 * @param outputs the host's bytes for writing the decision's outputs again
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
