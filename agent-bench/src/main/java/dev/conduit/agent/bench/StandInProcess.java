package dev.conduit.agent.bench;

import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;

/** {@link StandIn} in its own JVM, so that its CPU and allocations are not the client's. */
final class StandInProcess implements AutoCloseable {
  private final ChildJvm jvm;
  private final HttpUrl baseUrl;

  private StandInProcess(ChildJvm jvm, HttpUrl baseUrl) {
    this.jvm = jvm;
    this.baseUrl = baseUrl;
  }

  static StandInProcess start() throws IOException {
    ChildJvm jvm = ChildJvm.start(StandIn.class, List.of(
        "-Xms256m", "-Xmx512m",
        // Without these the JDK server waits on Nagle's algorithm and closes idle keep-alive connections.
        "-Dsun.net.httpserver.nodelay=true",
        "-Dsun.net.httpserver.maxIdleConnections=4096"), List.of());
    String line = jvm.readLine();
    if (!line.startsWith("PORT ")) {
      jvm.close();
      throw new IOException("the stand-in printed \"" + line + "\" instead of its port");
    }
    return new StandInProcess(jvm, HttpUrl.get("http://127.0.0.1:" + line.substring(5).trim() + "/v1/"));
  }

  /** {@code http://127.0.0.1:<port>/v1/}. */
  HttpUrl baseUrl() {
    return baseUrl;
  }

  @Override
  public void close() throws IOException {
    jvm.close();
  }
}
