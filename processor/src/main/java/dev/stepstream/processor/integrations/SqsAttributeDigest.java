package dev.stepstream.processor.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * SQS's {@code MD5OfMessageAttributes}: the MD5 of the attributes sorted by name, each as
 * length-prefixed name, length-prefixed data type, a transport byte (1 string/number, 2 binary) and
 * the length-prefixed value, lengths as 4-byte big-endian integers.
 */
final class SqsAttributeDigest {
  private SqsAttributeDigest() {}

  static String md5(JsonNode attributes) {
    TreeMap<String, JsonNode> sorted = new TreeMap<>();
    Iterator<String> names = attributes.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      sorted.put(name, attributes.get(name));
    }
    MessageDigest md5 = AwsShapes.md5();
    sorted.forEach((name, attribute) -> {
      putText(md5, name);
      putText(md5, attribute.path("DataType").asText());
      if (attribute.has("BinaryValue")) {
        md5.update((byte) 2);
        putBytes(md5, binary(name, attribute.path("BinaryValue").asText()));
      } else {
        md5.update((byte) 1);
        putText(md5, attribute.path("StringValue").asText());
      }
    });
    return java.util.HexFormat.of().formatHex(md5.digest());
  }

  private static byte[] binary(String name, String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IntegrationFailure(SqsSendMessage.INVALID,
          "The BinaryValue of message attribute '" + name + "' is not valid base64.");
    }
  }

  private static void putText(MessageDigest md5, String text) {
    putBytes(md5, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void putBytes(MessageDigest md5, byte[] bytes) {
    md5.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    md5.update(bytes);
  }
}
