package dev.conduit.tools.web;

import dev.conduit.agent.tool.ToolException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import okhttp3.Dns;
import okhttp3.HttpUrl;

/**
 * Checks a URL before any connection (RELIABILITY.md S1, S2, S4): the text itself, the scheme, the port,
 * and the host, whether written as an IP literal (which OkHttp connects to without asking the resolver)
 * or as a name (checked through the guarded resolver, which checks again when the connection is made).
 */
final class UrlGuard {
  static final int MAX_URL_LENGTH = 2048;
  private static final String ONLY_PUBLIC = " Only public web pages can be fetched.";

  private static final Set<String> METADATA_NAMES = Set.of(
      "metadata.google.internal", "metadata.amazonaws.com", "metadata", "instance-data");
  private static final Set<String> LOCAL_NAMES = Set.of(
      "localhost", "localhost.localdomain", "host.docker.internal");
  private static final List<String> LOCAL_SUFFIXES = List.of(".localhost", ".svc.cluster.local");

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  /** A last label that is a number makes the whole host an IPv4 address to URL parsers (WHATWG). */
  private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
  private static final Pattern DOTTED_QUAD =
      Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

  private final UrlPolicy policy;
  private final Dns dns;

  UrlGuard(UrlPolicy policy, Dns guardedDns) {
    this.policy = policy;
    this.dns = guardedDns;
  }

  /** The URL the model asked for, parsed and checked. */
  HttpUrl checkRequested(String raw) {
    checkText(raw, "The URL");
    int colon = raw.indexOf(':');
    String scheme = colon > 0 ? raw.substring(0, colon) : "";
    if (!SCHEME.matcher(scheme).matches()) {
      throw new ToolException("The URL has no scheme: write it in full, e.g. https://example.com/page.");
    }
    if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
      throw new ToolException("Only http:// and https:// URLs can be fetched, not " + scheme + ":.");
    }
    if (!raw.startsWith("//", colon + 1)) {
      throw new ToolException("The URL must start with http:// or https://.");
    }
    String authority = raw.substring(colon + 3).split("[/?#]", 2)[0];
    if (authority.indexOf('@') >= 0) {
      throw new ToolException("URLs with a user name or password (user@host) are not allowed.");
    }
    HttpUrl url = HttpUrl.parse(raw);
    if (url == null) {
      throw new ToolException("'" + raw + "' is not a valid URL.");
    }
    checkTarget(url);
    return url;
  }

  /** The target of a redirect from {@code from}, resolved and checked like the first URL. */
  HttpUrl checkRedirect(HttpUrl from, String location) {
    checkText(location, "The page redirected to a URL that");
    HttpUrl next = from.resolve(location);
    if (next == null) {
      throw new ToolException("The page redirected to a URL that cannot be fetched (only http:// and https:// "
          + "URLs can be).");
    }
    if (!next.username().isEmpty() || !next.password().isEmpty()) {
      throw new ToolException("The page redirected to a URL with a user name or password, which is not allowed.");
    }
    if (from.isHttps() && !next.isHttps()) {
      throw new ToolException("The page redirected from https to plain http (" + next + "), which is not allowed.");
    }
    checkTarget(next);
    return next;
  }

  private void checkTarget(HttpUrl url) {
    if (!policy.isAllowedPort(url.port())) {
      throw new ToolException("The URL " + url + " uses port " + url.port() + "; only ports "
          + portList() + " can be fetched.");
    }
    String host = url.host();
    if (host.contains(":")) {
      checkAddress(url, literal(host));
    } else if (isNumericForm(host)) {
      if (!DOTTED_QUAD.matcher(host).matches()) {
        throw new ToolException("The URL " + url + " is not allowed: its host " + host + " is an IP address in a "
            + "non-standard form (a single number, octal or hex)." + ONLY_PUBLIC);
      }
      checkAddress(url, literal(host));
    } else {
      try {
        dns.lookup(host);
      } catch (BlockedHostException e) {
        throw blocked(url, e.getMessage());
      } catch (UnknownHostException e) {
        throw new ToolException("The host " + host + " could not be found. Check the URL.");
      }
    }
  }

  private void checkAddress(HttpUrl url, InetAddress address) {
    String host = url.host();
    if (BlockedAddresses.isMetadata(address)) {
      throw blocked(url, host + " is a cloud metadata address");
    }
    if (!policy.isAllowedHost(host)) {
      BlockedAddresses.reason(address).ifPresent(reason -> {
        throw blocked(url, host + " is " + reason);
      });
    }
  }

  static ToolException blocked(HttpUrl url, String reason) {
    return new ToolException("The URL " + url + " is not allowed: " + reason + "." + ONLY_PUBLIC);
  }

  /** Why a host name is never fetched, or empty. */
  static Optional<String> blockedName(String host) {
    if (METADATA_NAMES.contains(host)) {
      return Optional.of("is a cloud metadata endpoint");
    }
    if (LOCAL_NAMES.contains(host) || LOCAL_SUFFIXES.stream().anyMatch(host::endsWith)) {
      return Optional.of("names this machine or an internal service");
    }
    return Optional.empty();
  }

  static boolean isMetadataHost(String host) {
    if (METADATA_NAMES.contains(UrlPolicy.normalizeHost(host))) {
      return true;
    }
    if (host.contains(":") || DOTTED_QUAD.matcher(host).matches()) {
      return BlockedAddresses.isMetadata(literal(host));
    }
    return false;
  }

  private static boolean isNumericForm(String host) {
    String[] labels = host.split("\\.");
    return labels.length > 0 && NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches();
  }

  private static InetAddress literal(String host) {
    try {
      return InetAddress.getByAddress(BlockedAddresses.literal(host));
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new ToolException("The host " + host + " is not a valid IP address.");
    }
  }

  private static void checkText(String text, String subject) {
    if (text.length() > MAX_URL_LENGTH) {
      throw new ToolException(subject + " is " + text.length() + " characters long; the limit is " + MAX_URL_LENGTH + ".");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c == 0x7f || c == '\\' || Character.isWhitespace(c) || Character.isSpaceChar(c)
          || Character.getType(c) == Character.FORMAT) {
        throw new ToolException(subject + " contains whitespace, a control character or a backslash, which is not "
            + "allowed. Percent-encode such characters (a space is %20).");
      }
    }
    if (text.isEmpty()) {
      throw new ToolException(subject + " is empty.");
    }
  }

  private String portList() {
    List<String> ports = new TreeSet<>(policy.allowedPorts()).stream().map(String::valueOf).toList();
    return ports.size() == 1 ? ports.get(0)
        : String.join(", ", ports.subList(0, ports.size() - 1)) + " and " + ports.get(ports.size() - 1);
  }
}
