package dev.conduit.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Local stand-ins for real APIs: a MockWebServer on 127.0.0.1 and response bodies recorded from the docs. */
public final class StandIn {
  private StandIn() {}

  public static MockWebServer start() {
    MockWebServer server = new MockWebServer();
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }

  /** The base URL of the server, always by IP so no name resolution is involved. */
  public static String url(MockWebServer server, String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  public static String body(String resource) {
    try (InputStream in = StandIn.class.getResourceAsStream("/stand-ins/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /stand-ins/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static MockResponse json(int code, String resource) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(body(resource))
        .build();
  }
}
