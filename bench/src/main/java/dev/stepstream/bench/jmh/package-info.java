/**
 * JMH micro-benchmarks of the {@code asl} and {@code engine} hot paths. {@code ./mvnw verify}
 * compiles them and runs none; run them with
 * {@code java -jar bench/target/benchmarks.jar TaskDataFlowBenchmark}.
 */
package dev.stepstream.bench.jmh;
