package dev.stepstream.server.triggers;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** EventBridge's {@code cidr} operand: an IPv4 or IPv6 block that an address string falls in. */
record CidrBlock(byte[] network, int prefixBits) {
  private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F.:]+");

  static CidrBlock parse(String text, String path) {
    int slash = text.indexOf('/');
    byte[] address = slash < 0 ? null : address(text.substring(0, slash));
    int bits;
    try {
      bits = slash < 0 ? -1 : Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      bits = -1;
    }
    if (address == null || bits < 0 || bits > address.length * 8) {
      throw new InvalidPatternException("'cidr' of '" + path + "' is not a CIDR block: " + text);
    }
    return new CidrBlock(address, bits);
  }

  boolean contains(String text) {
    byte[] address = address(text);
    if (address == null || address.length != network.length) {
      return false;
    }
    int shift = network.length * 8 - prefixBits;
    return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
  }

  /** The address's bytes, without any DNS lookup; null when it is not an address literal. */
  private static byte[] address(String text) {
    if (text.isEmpty() || !LITERAL.matcher(text).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
