package dev.stepstream.server.api.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The SigV4 canonical request, built the way AWS builds it for services other than S3. */
final class CanonicalRequest {
  private CanonicalRequest() {}

  static String of(SignedRequest request, List<String> signedHeaders, String payloadHash) {
    StringBuilder text = new StringBuilder();
    text.append(request.method().toUpperCase(Locale.ROOT)).append('\n');
    text.append(canonicalPath(request.rawPath())).append('\n');
    text.append(canonicalQuery(request.rawQuery())).append('\n');
    for (String name : signedHeaders) {
      List<String> values = request.headers().getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
      text.append(name.toLowerCase(Locale.ROOT)).append(':')
          .append(String.join(",", values.stream().map(CanonicalRequest::trimValue).toList())).append('\n');
    }
    text.append('\n').append(String.join(";", signedHeaders)).append('\n');
    return text.append(payloadHash).toString();
  }

  /** Each segment of the path as sent is encoded again (SDKs double-encode for all services but S3). */
  private static String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    StringBuilder path = new StringBuilder();
    String[] segments = rawPath.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        path.append('/');
      }
      path.append(encode(segments[i]));
    }
    return path.toString();
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String parameter : rawQuery.split("&")) {
      if (!parameter.isEmpty()) {
        String[] pair = parameter.split("=", 2);
        pairs.add(new String[] {encode(decode(pair[0])), pair.length == 2 ? encode(decode(pair[1])) : ""});
      }
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    return String.join("&", pairs.stream().map(p -> p[0] + "=" + p[1]).toList());
  }

  /** Leading and trailing spaces removed, inner runs of spaces collapsed to one. */
  private static String trimValue(String value) {
    return value.strip().replaceAll("\\s+", " ");
  }

  /** RFC 3986 percent-encoding of everything but unreserved characters. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
