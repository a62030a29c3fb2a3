package dev.stepstream.asl.model;

/** Map {@code ItemProcessor.ProcessorConfig.Mode}; INLINE is the default. */
public enum ProcessorMode {
  INLINE,
  DISTRIBUTED
}
