package dev.conduit.tools.web;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Which URLs {@link FetchPageTools} may fetch beyond public web pages on ports 80 and 443.
 *
 * <pre>{@code
 * UrlPolicy.defaults()                       // public addresses, ports 80 and 443
 *
 * UrlPolicy.builder()                        // a test stand-in on loopback, on purpose
 *     .allowHost("127.0.0.1")
 *     .allowPort(server.getPort())
 *     .build();
 * }</pre>
 *
 * <p>An allowed host is exempt from the address checks (private, loopback, link-local and reserved
 * ranges) but never from the cloud metadata check: {@code 169.254.169.254} and its relatives stay
 * blocked whatever the policy says. Hosts are matched exactly as written in the URL: allowing
 * {@code 127.0.0.1} does not allow {@code localhost} or {@code [::1]}.
 *
 * <p>Immutable and thread-safe.
 */
public final class UrlPolicy {
  /** The limit on text returned to the model, per RELIABILITY.md S5. */
  public static final int DEFAULT_MAX_CHARS = 16_000;

  private static final UrlPolicy DEFAULTS = new Builder().build();

  private final Set<String> allowedHosts;
  private final Set<Integer> allowedPorts;
  private final int maxChars;

  private UrlPolicy(Builder builder) {
    this.allowedHosts = Set.copyOf(builder.hosts);
    this.allowedPorts = Set.copyOf(builder.ports);
    this.maxChars = builder.maxChars;
  }

  /** Public addresses only, ports 80 and 443, at most 16 000 characters of text. */
  public static UrlPolicy defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  boolean isAllowedHost(String host) {
    return allowedHosts.contains(normalizeHost(host));
  }

  boolean isAllowedPort(int port) {
    return allowedPorts.contains(port);
  }

  Set<Integer> allowedPorts() {
    return allowedPorts;
  }

  int maxChars() {
    return maxChars;
  }

  /** Lower case, no brackets around IPv6, no trailing dot: the form HttpUrl.host() and Dns.lookup see. */
  static String normalizeHost(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h;
  }

  @Override
  public String toString() {
    return "UrlPolicy[allowedHosts=" + allowedHosts + ", allowedPorts=" + allowedPorts + ", maxChars=" + maxChars + "]";
  }

  /** Builds a {@link UrlPolicy}; starts from the defaults. */
  public static final class Builder {
    private final Set<String> hosts = new LinkedHashSet<>();
    private final Set<Integer> ports = new LinkedHashSet<>(Set.of(80, 443));
    private int maxChars = DEFAULT_MAX_CHARS;

    private Builder() {}

    /**
     * Lets the tool reach this host even when it is, or resolves to, a private or loopback address.
     *
     * @param host a name ({@code intranet.example.com}) or an IP literal ({@code 127.0.0.1}, {@code ::1})
     * @throws IllegalArgumentException for a cloud metadata host, which can never be allowed
     */
    public Builder allowHost(String host) {
      requireNonNull(host, "host");
      String normalized = normalizeHost(host);
      HttpUrl parsed = HttpUrl.parse("http://" + (normalized.contains(":") ? "[" + normalized + "]" : normalized) + "/");
      if (normalized.isEmpty() || parsed == null) {
        throw new IllegalArgumentException("allowHost: '" + host + "' is not a host name or IP address");
      }
      String canonical = parsed.host();
      if (UrlGuard.isMetadataHost(canonical)) {
        throw new IllegalArgumentException("allowHost: " + host + " is a cloud metadata endpoint, which hands out "
            + "credentials; it cannot be allowed.");
      }
      hosts.add(canonical);
      return this;
    }

    /** Lets the tool use this port too (80 and 443 are always allowed). */
    public Builder allowPort(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("allowPort: " + port + " is not a TCP port (1 to 65535)");
      }
      ports.add(port);
      return this;
    }

    /** The most characters of page text returned to the model; longer text is cut with a marker. */
    public Builder maxChars(int maxChars) {
      if (maxChars < 100) {
        throw new IllegalArgumentException("maxChars: " + maxChars + " is too small (at least 100)");
      }
      this.maxChars = maxChars;
      return this;
    }

    public UrlPolicy build() {
      return new UrlPolicy(this);
    }
  }
}
