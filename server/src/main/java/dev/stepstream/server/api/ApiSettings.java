package dev.stepstream.server.api;

import dev.stepstream.server.api.auth.AccessKeys;
import dev.stepstream.server.api.backend.Arns;
import dev.stepstream.wire.TaskTokenKeys;
import dev.stepstream.wire.TopicCatalogue;
import java.time.Duration;

/**
 * How to run the API.
 *
 * @param host the address to listen on (127.0.0.1 unless exposed on purpose)
 * @param port the port (0 picks a free one; {@link ApiServer#port()} tells which)
 * @param arns region and account used in the ARNs the API creates
 * @param maxRequestBytes larger request bodies are refused with HTTP 413
 * @param activityLongPoll how long GetActivityTask waits for a task
 * @param consumerGroupPrefix prefix of the API's consumer groups (activity workers)
 * @param tokenKeys the keys task tokens are signed with, to refuse forged or altered ones with
 *     InvalidToken; null takes the processor's (or checks only the token's form, without a processor)
 * @param accessKeys the keys requests must be signed (SigV4) or carry (bearer) with; null turns
 *     authentication off (dev)
 * @param httpLimits connections, concurrent requests and timeouts the HTTP server allows
 */
public record ApiSettings(
    String bootstrapServers,
    TopicCatalogue topics,
    String host,
    int port,
    Arns arns,
    long maxRequestBytes,
    Duration activityLongPoll,
    String consumerGroupPrefix,
    TaskTokenKeys tokenKeys,
    AccessKeys accessKeys,
    HttpLimits httpLimits) {

  public static final int DEFAULT_PORT = 8083;

  public static ApiSettings defaults(String bootstrapServers, TopicCatalogue topics) {
    return new ApiSettings(bootstrapServers, topics, "127.0.0.1", DEFAULT_PORT, Arns.defaults(), 2 * 1_048_576L,
        Duration.ofSeconds(60), "stepstream-api.", null, null, HttpLimits.DEFAULTS);
  }

  public ApiSettings withPort(int newPort) {
    return new ApiSettings(bootstrapServers, topics, host, newPort, arns, maxRequestBytes, activityLongPoll,
        consumerGroupPrefix, tokenKeys, accessKeys, httpLimits);
  }

  public ApiSettings withHost(String newHost) {
    return new ApiSettings(bootstrapServers, topics, newHost, port, arns, maxRequestBytes, activityLongPoll,
        consumerGroupPrefix, tokenKeys, accessKeys, httpLimits);
  }

  public ApiSettings withArns(Arns newArns) {
    return new ApiSettings(bootstrapServers, topics, host, port, newArns, maxRequestBytes, activityLongPoll,
        consumerGroupPrefix, tokenKeys, accessKeys, httpLimits);
  }

  public ApiSettings withActivityLongPoll(Duration wait) {
    return new ApiSettings(bootstrapServers, topics, host, port, arns, maxRequestBytes, wait, consumerGroupPrefix, tokenKeys,
        accessKeys, httpLimits);
  }

  public ApiSettings withTokenKeys(TaskTokenKeys keys) {
    return new ApiSettings(bootstrapServers, topics, host, port, arns, maxRequestBytes, activityLongPoll,
        consumerGroupPrefix, keys, accessKeys, httpLimits);
  }

  public ApiSettings withMaxRequestBytes(long bytes) {
    return new ApiSettings(bootstrapServers, topics, host, port, arns, bytes, activityLongPoll, consumerGroupPrefix, tokenKeys,
        accessKeys, httpLimits);
  }

  public ApiSettings withAccessKeys(AccessKeys keys) {
    return new ApiSettings(bootstrapServers, topics, host, port, arns, maxRequestBytes, activityLongPoll,
        consumerGroupPrefix, tokenKeys, keys, httpLimits);
  }

  public ApiSettings withHttpLimits(HttpLimits limits) {
    return new ApiSettings(bootstrapServers, topics, host, port, arns, maxRequestBytes, activityLongPoll,
        consumerGroupPrefix, tokenKeys, accessKeys, limits);
  }
}
