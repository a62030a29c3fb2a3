package dev.stepstream.asl.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Task {@code Resource} ARN. Region and account are not checked, so placeholder ARNs such
 * as {@code arn:aws:lambda:REGIAO:ID:function:SalvarImagem} are accepted as written.
 *
 * @param arn the ARN exactly as written
 * @param kind what the ARN points at
 * @param pattern the integration pattern (only service integrations carry a suffix)
 * @param shortName the function or activity name ({@code SalvarImagem}), or {@code service:api}
 *     without the suffix for service integrations ({@code lambda:invoke}), or the ARN's resource part
 * @param service the ARN service segment for lambda/activity/other ({@code lambda}, {@code states}),
 *     or the integrated service ({@code sqs}) for service integrations
 */
public record Resource(String arn, ResourceKind kind, IntegrationPattern pattern, String shortName, String service) {

  public Resource {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(shortName, "shortName");
    Objects.requireNonNull(service, "service");
  }

  /**
   * Parses a Resource ARN: {@code arn:<partition>:<service>:<region>:<account>:<resource>} with
   * non-empty partition, service and resource. Returns empty when the text is not such an ARN.
   */
  public static Optional<Resource> parse(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return Optional.empty();
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || parts[1].isEmpty() || parts[2].isEmpty() || parts[5].isEmpty()) {
      return Optional.empty();
    }
    String service = parts[2];
    String resource = parts[5];
    if ("states".equals(service) && parts[3].isEmpty() && parts[4].isEmpty()) {
      return serviceIntegration(arn, resource);
    }
    if ("lambda".equals(service) && resource.startsWith("function:") && resource.length() > "function:".length()) {
      String name = resource.substring("function:".length()).split(":", 2)[0];
      return Optional.of(new Resource(arn, ResourceKind.LAMBDA_FUNCTION, IntegrationPattern.REQUEST_RESPONSE, name, service));
    }
    if ("states".equals(service) && resource.startsWith("activity:") && resource.length() > "activity:".length()) {
      String name = resource.substring("activity:".length());
      return Optional.of(new Resource(arn, ResourceKind.ACTIVITY, IntegrationPattern.REQUEST_RESPONSE, name, service));
    }
    return Optional.of(new Resource(arn, ResourceKind.OTHER, IntegrationPattern.REQUEST_RESPONSE, resource, service));
  }

  private static Optional<Resource> serviceIntegration(String arn, String resource) {
    IntegrationPattern pattern = IntegrationPattern.REQUEST_RESPONSE;
    String withoutSuffix = resource;
    if (resource.endsWith(".waitForTaskToken")) {
      pattern = IntegrationPattern.WAIT_FOR_TASK_TOKEN;
      withoutSuffix = resource.substring(0, resource.length() - ".waitForTaskToken".length());
    } else if (resource.endsWith(".sync:2")) {
      pattern = IntegrationPattern.RUN_JOB;
      withoutSuffix = resource.substring(0, resource.length() - ".sync:2".length());
    } else if (resource.endsWith(".sync")) {
      pattern = IntegrationPattern.RUN_JOB;
      withoutSuffix = resource.substring(0, resource.length() - ".sync".length());
    }
    int colon = withoutSuffix.indexOf(':');
    if (colon <= 0 || colon == withoutSuffix.length() - 1) {
      return Optional.empty();
    }
    String service = withoutSuffix.substring(0, colon);
    return Optional.of(new Resource(arn, ResourceKind.SERVICE_INTEGRATION, pattern, withoutSuffix, service));
  }

  /** The API part of a service integration ({@code invoke} for {@code lambda:invoke}); empty otherwise. */
  public Optional<String> api() {
    if (kind != ResourceKind.SERVICE_INTEGRATION) {
      return Optional.empty();
    }
    return Optional.of(shortName.substring(shortName.indexOf(':') + 1));
  }
}
