package dev.conduit.tools.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import okhttp3.Dns;

/**
 * The resolver the fetch client connects with. It resolves once, rejects the host if any of its addresses
 * is blocked, and returns exactly the addresses it checked, so the connection cannot go to an address that
 * was not checked (no DNS-rebinding window between check and use). OkHttp calls it again for every new
 * host, so redirects are covered too.
 */
final class GuardedDns implements Dns {
  private final UrlPolicy policy;
  private final Dns delegate;

  GuardedDns(UrlPolicy policy, Dns delegate) {
    this.policy = policy;
    this.delegate = delegate;
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    String host = UrlPolicy.normalizeHost(hostname);
    boolean allowed = policy.isAllowedHost(host);
    Optional<String> name = UrlGuard.blockedName(host);
    if (name.isPresent() && (!allowed || UrlGuard.isMetadataHost(host))) {
      throw new BlockedHostException(host + " " + name.get());
    }
    List<InetAddress> addresses = List.copyOf(delegate.lookup(hostname));
    if (addresses.isEmpty()) {
      throw new UnknownHostException("no addresses for " + host);
    }
    for (InetAddress address : addresses) {
      if (BlockedAddresses.isMetadata(address)) {
        throw new BlockedHostException(host + " resolves to a cloud metadata address");
      }
      Optional<String> reason = allowed ? Optional.empty() : BlockedAddresses.reason(address);
      if (reason.isPresent()) {
        throw new BlockedHostException(host + " resolves to " + reason.get());
      }
    }
    return addresses;
  }
}
