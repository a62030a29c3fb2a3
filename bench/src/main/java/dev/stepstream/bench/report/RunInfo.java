package dev.stepstream.bench.report;

/** Facts about one run that the report states next to the figures. */
public record RunInfo(boolean quick, String when, String broker, int partitions, long warmupSeconds,
    long measureSeconds, double loadBefore, double loadAfter) {}
