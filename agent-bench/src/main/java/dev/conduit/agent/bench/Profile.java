package dev.conduit.agent.bench;

import dev.conduit.agent.openai.Endpoint;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Runs one client in a loop for a while, for a profiler: JFR's CPU and allocation samples of one
 * client alone, with nothing else in the JVM.
 *
 * <pre>{@code
 * java -XX:StartFlightRecording=filename=conduit.jfr,settings=profile -cp benchmarks.jar \
 *     dev.conduit.agent.bench.Profile conduit-chat 20
 * jfr view hot-methods conduit.jfr
 * }</pre>
 */
public final class Profile {
  private Profile() {}

  public static void main(String[] args) throws Exception {
    String variant = args.length > 0 ? args[0] : "conduit-chat";
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 20;
    try (StandInProcess standIn = StandInProcess.start()) {
      OkHttpClient raw = new OkHttpClient.Builder().connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES)).build();
      BenchClient client;
      switch (variant) {
        case "raw-chat":
          client = new RawClient("raw", raw, standIn.baseUrl(), true, 0);
          break;
        case "raw-sse-chat":
          client = new RawStreamClient(raw, standIn.baseUrl(), 0);
          break;
        case "conduit-chat":
          client = new ConduitClient("conduit", Optional.empty(), standIn.baseUrl(), Endpoint.CHAT_COMPLETIONS, false, 0);
          break;
        case "conduit-stream-chat":
          client = new ConduitClient("conduit", Optional.of(raw), standIn.baseUrl(), Endpoint.CHAT_COMPLETIONS, true, 0);
          break;
        default:
          throw new IllegalArgumentException("variant: raw-chat, raw-sse-chat, conduit-chat or conduit-stream-chat");
      }
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      long runs = 0;
      while (System.nanoTime() < end) {
        Harness.check(client).ifPresent(problem -> {
          throw new IllegalStateException(problem);
        });
        if (!client.firstTextNanos().isEmpty()) {
          client.firstTextNanos().clear();
        }
        runs++;
      }
      System.out.println(variant + ": " + runs + " runs in " + seconds + " s");
    }
    System.exit(0);
  }
}
