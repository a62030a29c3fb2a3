package dev.stepstream.worker;

/**
 * A handler that reads its input only as far as it needs: {@code input.tree()} for a Jackson tree,
 * {@code input.as(Order.class)} for a typed object, {@code input.bytes()} for the raw UTF-8 JSON.
 * The context object is decoded only when {@link TaskContext#context()} or
 * {@link TaskContext#request()} is called. Register it with {@link TaskWorkerBuilder#lazyHandler}.
 *
 * <p>It returns what a {@link TaskHandler} returns, or a {@link RawJson}, whose bytes become the
 * output as they are: {@code (input, ctx) -> input} answers every task with its input without
 * parsing it. Failures, {@link TaskWorker#NO_RESULT}, threads and redelivery work as for
 * {@link TaskHandler}.
 */
@FunctionalInterface
public interface LazyTaskHandler {
  Object handle(RawJson input, TaskContext ctx) throws Exception;
}
