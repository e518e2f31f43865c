package dev.conduit.agent.openai;

import java.io.IOException;

/** An attempt ran out of one of the client's timeouts; the message names which one and its fix. */
final class TimedOut extends IOException {
  private static final long serialVersionUID = 1L;

  TimedOut(String which, IOException cause) {
    super(which, cause);
  }
}
