package dev.conduit.tools.web;

import java.net.UnknownHostException;

/**
 * Thrown from inside the resolver, so OkHttp treats a blocked host like one that does not exist and never
 * opens a socket. The message is a reason phrase such as "10.0.0.5 is a private network address".
 */
final class BlockedHostException extends UnknownHostException {
  private static final long serialVersionUID = 1L;

  BlockedHostException(String reason) {
    super(reason);
  }
}
