package dev.stepstream.server.api.auth;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs a {@code POST /} call with AWS Signature Version 4 (service {@code states}), as the AWS SDKs
 * do: the CLI's own API calls use it, so the secret never travels.
 */
public final class SigV4Signer {
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private SigV4Signer() {}

  /**
   * The headers to add to a request already carrying {@code headers}: {@code X-Amz-Date} and
   * {@code Authorization}.
   *
   * @param host the Host header the request will carry ({@code host[:port]})
   */
  public static Map<String, String> sign(AccessKey key, String region, Instant now, String host, String path,
      Map<String, String> headers, byte[] body) {
    String amzDate = AMZ_DATE.format(now);
    Map<String, List<String>> signed = new LinkedHashMap<>();
    headers.forEach((name, value) -> signed.put(name.toLowerCase(java.util.Locale.ROOT), List.of(value)));
    signed.put("host", List.of(host));
    signed.put("x-amz-date", List.of(amzDate));
    List<String> names = signed.keySet().stream().sorted().toList();
    SignedRequest request = new SignedRequest("POST", path, null, signed, body);
    String scope = amzDate.substring(0, 8) + "/" + region + "/states/aws4_request";
    String canonical = CanonicalRequest.of(request, names, SigV4Verifier.hex(SigV4Verifier.sha256(body)));
    String stringToSign = SigV4Verifier.ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
        + SigV4Verifier.hex(SigV4Verifier.sha256(canonical));
    String signature = SigV4Verifier.hex(SigV4Verifier.hmac(
        SigV4Verifier.signingKey(key.secret(), amzDate.substring(0, 8), region, "states"), stringToSign));
    return Map.of("X-Amz-Date", amzDate, "Authorization", SigV4Verifier.ALGORITHM + " Credential=" + key.id() + "/"
        + scope + ", SignedHeaders=" + String.join(";", names) + ", Signature=" + signature);
  }
}
