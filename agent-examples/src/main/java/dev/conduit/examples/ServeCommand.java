package dev.conduit.examples;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the weather agent behind {@code POST /ask}, wired with Guice, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the weather agent over HTTP: POST /ask {\"question\": \"...\"} (JSON, or server-sent "
        + "events with Accept: text/event-stream) and GET /health.")
final class ServeCommand implements Callable<Integer> {
  private final ConduitCli.Console console;

  @Mixin
  ModelOptions options = new ModelOptions();

  @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})",
      defaultValue = "8080")
  int port = 8080;

  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only)",
      defaultValue = "127.0.0.1")
  String host = "127.0.0.1";

  ServeCommand(ConduitCli.Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
    }
    ModelSetup setup = ModelSetup.from(options, console.env(), model -> DemoModels.weather());
    AskServer server = ServiceModule.injector(setup, ExampleTools.weather(console.env())).getInstance(AskServer.class);
    URI url;
    try {
      url = server.start(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
          + "): pick another --port, or 0 for any free port", e);
    }
    if (setup.demo()) {
      console.out().println(ModelSetup.DEMO_NOTICE);
    }
    console.out().println("listening on " + url + " (POST " + url + "/ask, GET " + url + "/health); Ctrl-C stops");
    console.out().flush();
    try {
      new CountDownLatch(1).await(); // until the process is stopped or this thread interrupted
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
    }
    return 0;
  }
}
