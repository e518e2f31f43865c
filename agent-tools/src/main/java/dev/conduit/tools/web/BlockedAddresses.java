package dev.conduit.tools.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The address ranges a model-chosen URL may never reach (RELIABILITY.md S2): private, loopback,
 * link-local, reserved and metadata addresses, including IPv4 addresses wrapped in IPv6 forms
 * (mapped, compatible, NAT64, 6to4), which reach the IPv4 host they embed.
 */
final class BlockedAddresses {
  private record Range(byte[] prefix, int bits, String what) {
    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (prefix[full] & mask);
    }
  }

  private static final List<String> METADATA = List.of(
      "169.254.169.254", "169.254.170.2", "169.254.170.23", "100.100.100.200",
      "fd00:ec2::254", "fd00:ec2::23", "fe80::a9fe:a9fe");

  private static final List<Range> IPV4 = List.of(
      range("0.0.0.0", 8, "a reserved \"this network\" address"),
      range("10.0.0.0", 8, "a private network address"),
      range("100.64.0.0", 10, "a shared (carrier-grade NAT) address"),
      range("127.0.0.0", 8, "a loopback address"),
      range("169.254.0.0", 16, "a link-local address"),
      range("172.16.0.0", 12, "a private network address"),
      range("192.0.0.0", 24, "a reserved protocol-assignment address"),
      range("192.0.2.0", 24, "a documentation address"),
      range("192.168.0.0", 16, "a private network address"),
      range("198.18.0.0", 15, "a benchmarking address"),
      range("198.51.100.0", 24, "a documentation address"),
      range("203.0.113.0", 24, "a documentation address"),
      range("224.0.0.0", 4, "a multicast address"),
      range("240.0.0.0", 4, "a reserved address"),
      range("255.255.255.255", 32, "the broadcast address"));

  private static final List<Range> IPV6 = List.of(
      range("::", 128, "the unspecified address"),
      range("::1", 128, "a loopback address"),
      range("64:ff9b:1::", 48, "a local-use NAT64 address"),
      range("fc00::", 7, "a private (unique local) address"),
      range("fe80::", 10, "a link-local address"),
      range("ff00::", 8, "a multicast address"));

  private static final Range IPV4_MAPPED = range("::ffff:0:0", 96, "");
  private static final Range IPV4_COMPATIBLE = range("::", 96, "");
  private static final Range NAT64 = range("64:ff9b::", 96, "");
  private static final Range SIX_TO_FOUR = range("2002::", 16, "");

  private BlockedAddresses() {}

  /** Why the address may not be reached, or empty when it is a public address. */
  static Optional<String> reason(InetAddress address) {
    if (isMetadata(address)) {
      return Optional.of("a cloud metadata address");
    }
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      return match(IPV4, bytes);
    }
    Optional<String> own = match(IPV6, bytes);
    if (own.isPresent()) {
      return own;
    }
    byte[] embedded = embeddedIpv4(bytes);
    if (embedded == null) {
      return Optional.empty();
    }
    InetAddress inner = byAddress(embedded);
    return reason(inner).map(r -> r + " (" + inner.getHostAddress() + " inside an IPv6 address)");
  }

  /** Metadata endpoints stay blocked even for an allowed host: they hand out cloud credentials. */
  static boolean isMetadata(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (String metadata : METADATA) {
      if (Arrays.equals(bytes, literal(metadata))) {
        return true;
      }
    }
    byte[] embedded = bytes.length == 16 ? embeddedIpv4(bytes) : null;
    return embedded != null && isMetadata(byAddress(embedded));
  }

  private static byte @Nullable [] embeddedIpv4(byte[] v6) {
    if (IPV4_MAPPED.contains(v6) || IPV4_COMPATIBLE.contains(v6) || NAT64.contains(v6)) {
      return Arrays.copyOfRange(v6, 12, 16);
    }
    if (SIX_TO_FOUR.contains(v6)) {
      return Arrays.copyOfRange(v6, 2, 6);
    }
    return null;
  }

  private static Optional<String> match(List<Range> ranges, byte[] bytes) {
    for (Range range : ranges) {
      if (range.contains(bytes)) {
        return Optional.of(range.what());
      }
    }
    return Optional.empty();
  }

  private static Range range(String literal, int bits, String what) {
    return new Range(literal(literal), bits, what);
  }

  /** Parses a numeric address literal; InetAddress does no name lookup for literals. */
  static byte[] literal(String literal) {
    try {
      byte[] bytes = InetAddress.getByName(literal).getAddress();
      return bytes.length == 4 && literal.contains(":") ? toV6Mapped(bytes) : bytes;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /** Java turns "::ffff:a.b.c.d" into an Inet4Address; the mapped-range prefix must stay 16 bytes. */
  private static byte[] toV6Mapped(byte[] v4) {
    byte[] v6 = new byte[16];
    v6[10] = (byte) 0xff;
    v6[11] = (byte) 0xff;
    System.arraycopy(v4, 0, v6, 12, 4);
    return v6;
  }

  private static InetAddress byAddress(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes expected", e);
    }
  }
}
