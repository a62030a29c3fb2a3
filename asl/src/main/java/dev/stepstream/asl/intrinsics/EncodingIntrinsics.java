package dev.stepstream.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** States.Base64Encode, States.Base64Decode, States.Hash. */
final class EncodingIntrinsics {
  /** AWS: Base64Encode/Base64Decode take "a data string of up to 10,000 characters". */
  static final int MAX_BASE64_INPUT = 10_000;

  /** AWS: States.Hash data "must be an object string containing 10,000 characters or less". */
  static final int MAX_HASH_INPUT = 10_000;

  static final List<String> HASH_ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private EncodingIntrinsics() {}

  static JsonNode base64Encode(Invocation call) {
    String data = call.limitedText(0, MAX_BASE64_INPUT);
    String encoded = Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8));
    return JsonNodeFactory.instance.textNode(encoded);
  }

  static JsonNode base64Decode(Invocation call) {
    String encoded = call.limitedText(0, MAX_BASE64_INPUT);
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException notBase64) {
      throw call.failure("the string is not valid Base64: " + notBase64.getMessage());
    }
    try {
      String decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      return JsonNodeFactory.instance.textNode(decoded);
    } catch (CharacterCodingException notText) {
      throw call.failure("the decoded data is not UTF-8 text");
    }
  }

  static JsonNode hash(Invocation call) {
    String data = call.limitedText(0, MAX_HASH_INPUT);
    String algorithm = call.text(1);
    if (!HASH_ALGORITHMS.contains(algorithm)) {
      throw call.failure("unsupported hash algorithm '" + algorithm + "'; use one of " + HASH_ALGORITHMS);
    }
    try {
      byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
      return JsonNodeFactory.instance.textNode(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException missingFromJdk) {
      throw new IllegalStateException("The JDK must provide " + algorithm, missingFromJdk);
    }
  }
}
