package dev.stepstream.server.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 ...}) against the
 * configured access keys: rebuilds the canonical request and the string to sign, derives the
 * signing key from the secret, the credential's date, region (any) and service, and compares.
 * Requests whose {@code X-Amz-Date} is more than 15 minutes off the clock are refused, as on AWS.
 * Temporary credentials ({@code X-Amz-Security-Token}) are refused: there is no STS here.
 */
public final class SigV4Verifier {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final Duration MAX_SKEW = Duration.ofMinutes(15);
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

  private final AccessKeys keys;
  private final String service;
  private final Clock clock;

  /** @param service the signing name requests must be scoped to ({@code states} for Step Functions) */
  public SigV4Verifier(AccessKeys keys, String service, Clock clock) {
    this.keys = keys;
    this.service = service;
    this.clock = clock;
  }

  /** The key that signed {@code request}; throws the AWS error otherwise. */
  public AccessKey verify(SignedRequest request) {
    String authorization = request.header("Authorization");
    if (authorization == null || !authorization.startsWith(ALGORITHM + " ")) {
      throw AuthErrors.missingToken();
    }
    SigV4Authorization auth = SigV4Authorization.parse(authorization, request.header("X-Amz-Date") != null);
    String amzDate = request.header("X-Amz-Date");
    Instant signedAt = parseDate(amzDate);
    checkScope(auth, amzDate);
    AccessKey key = keys.find(auth.accessKeyId()).orElseThrow(AuthErrors::unrecognizedClient);
    if (request.header("X-Amz-Security-Token") != null) {
      throw AuthErrors.unrecognizedClient();
    }
    checkFreshness(amzDate, signedAt);
    String payloadHash = payloadHash(request);
    String canonical = CanonicalRequest.of(request, auth.signedHeaders(), payloadHash);
    String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + auth.scope() + "\n" + hex(sha256(canonical));
    byte[] expected = hmac(signingKey(key.secret(), auth.date(), auth.region(), auth.service()), stringToSign);
    byte[] given = parseHex(auth.signature());
    if (given == null || !MessageDigest.isEqual(expected, given)) {
      throw AuthErrors.signatureMismatch();
    }
    return key;
  }

  private void checkScope(SigV4Authorization auth, String amzDate) {
    if (!auth.service().equals(service)) {
      throw AuthErrors.invalidSignature("Credential should be scoped to correct service: '" + service + "'. ");
    }
    if (!auth.terminator().equals("aws4_request")) {
      throw AuthErrors.invalidSignature("Credential should be scoped with a valid terminator: 'aws4_request', not '"
          + auth.terminator() + "'. ");
    }
    if (!amzDate.startsWith(auth.date())) {
      throw AuthErrors.invalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date"
          + " from HTTP: '" + auth.date() + "' != '" + amzDate.substring(0, 8) + "', from 'X-Amz-Date'.");
    }
  }

  private static Instant parseDate(String amzDate) {
    try {
      return AMZ_DATE.parse(amzDate, Instant::from);
    } catch (DateTimeParseException e) {
      throw AuthErrors.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '" + amzDate
          + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }
  }

  private void checkFreshness(String amzDate, Instant signedAt) {
    Instant now = clock.instant();
    if (signedAt.isBefore(now.minus(MAX_SKEW))) {
      throw AuthErrors.invalidSignature("Signature expired: " + amzDate + " is now earlier than "
          + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
    }
    if (signedAt.isAfter(now.plus(MAX_SKEW))) {
      throw AuthErrors.invalidSignature("Signature not yet current: " + amzDate + " is still later than "
          + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
    }
  }

  /** The hash of the body actually received; a declared X-Amz-Content-Sha256 must agree with it. */
  private static String payloadHash(SignedRequest request) {
    String actual = hex(sha256(request.body()));
    String declared = request.header("X-Amz-Content-Sha256");
    if (declared == null || declared.equals(actual)) {
      return actual;
    }
    if (declared.equals(UNSIGNED_PAYLOAD)) {
      throw AuthErrors.invalidSignature("UNSIGNED-PAYLOAD is not accepted: the body must be signed.");
    }
    throw AuthErrors.invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }

  static byte[] signingKey(String secret, String date, String region, String service) {
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    return hmac(key, "aws4_request");
  }

  static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static byte[] parseHex(String text) {
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The parts of an {@code Authorization: AWS4-HMAC-SHA256 ...} header. */
  record SigV4Authorization(String accessKeyId, String date, String region, String service, String terminator,
      List<String> signedHeaders, String signature) {
    String scope() {
      return date + "/" + region + "/" + service + "/" + terminator;
    }

    static SigV4Authorization parse(String header, boolean hasDate) {
      String credential = null;
      String signedHeaders = null;
      String signature = null;
      for (String part : header.substring(ALGORITHM.length()).split(",")) {
        String[] pair = part.strip().split("=", 2);
        if (pair.length == 2) {
          switch (pair[0]) {
            case "Credential" -> credential = pair[1];
            case "SignedHeaders" -> signedHeaders = pair[1];
            case "Signature" -> signature = pair[1];
            default -> { }
          }
        }
      }
      StringBuilder missing = new StringBuilder();
      for (String[] required : new String[][] {{"Credential", credential}, {"Signature", signature},
          {"SignedHeaders", signedHeaders}}) {
        if (required[1] == null) {
          missing.append("Authorization header requires '").append(required[0]).append("' parameter. ");
        }
      }
      if (!hasDate) {
        missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
      }
      if (!missing.isEmpty()) {
        throw AuthErrors.incompleteSignature(missing + "Authorization=" + header);
      }
      String[] scope = credential.split("/");
      if (scope.length != 5) {
        throw AuthErrors.incompleteSignature("Credential must have exactly 5 slash-delimited elements, e.g."
            + " keyid/date/region/service/term, got '" + credential + "'");
      }
      return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], scope[4],
          List.of(signedHeaders.split(";")), signature);
    }
  }
}
