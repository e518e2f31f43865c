package dev.conduit.agent.bench;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Notes when a response's first bytes have reached the client: OkHttp's {@code responseHeadersStart},
 * fired once the status line and headers, the first bytes of the response, have been read. Both
 * streaming clients use it, so "first response byte to first text event" is measured the same way for
 * each. An event listener rather than a socket wrapper, because a socket factory of its own would
 * change how Conduit runs its exchange (see HttpTransport). One clock for the process: meaningful
 * only while one call is in flight.
 */
final class FirstByteClock extends EventListener {
  private static volatile long lastResponseStart;

  static long lastResponseStart() {
    return lastResponseStart;
  }

  @Override
  public void responseHeadersStart(Call call) {
    lastResponseStart = System.nanoTime();
  }
}
