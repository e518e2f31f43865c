package dev.conduit.agent.bench;

import dev.conduit.agent.openai.Endpoint;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole run (question, 3 tool calls, answer; 2 round trips) against {@link StandIn} in its own
 * JVM, for each client. With {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes per run.
 *
 * <pre>{@code
 * java -jar agent-bench/target/benchmarks.jar RunBenchmark -prof gc
 * }</pre>
 *
 * <p>Not final: JMH generates subclasses of benchmark classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RunBenchmark {
  @Param({"raw-chat", "conduit-chat", "raw-responses", "conduit-responses", "raw-sse-chat", "conduit-stream-chat"})
  public String variant;

  private StandInProcess standIn;
  private BenchClient client;

  @Setup(Level.Trial)
  public void start() throws Exception {
    standIn = StandInProcess.start();
    OkHttpClient raw = new OkHttpClient.Builder().connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES)).build();
    switch (variant) {
      case "raw-chat":
        client = new RawClient("raw", raw, standIn.baseUrl(), true, 0);
        break;
      case "conduit-chat":
        client = new ConduitClient("conduit", Optional.empty(), standIn.baseUrl(), Endpoint.CHAT_COMPLETIONS, false, 0);
        break;
      case "raw-responses":
        client = new RawClient("raw", raw, standIn.baseUrl(), false, 0);
        break;
      case "conduit-responses":
        client = new ConduitClient("conduit", Optional.empty(), standIn.baseUrl(), Endpoint.RESPONSES, false, 0);
        break;
      case "raw-sse-chat":
        client = new RawStreamClient(raw, standIn.baseUrl(), 0);
        break;
      case "conduit-stream-chat":
        client = new ConduitClient("conduit-stream", Optional.of(raw), standIn.baseUrl(), Endpoint.CHAT_COMPLETIONS, true, 0);
        break;
      default:
        throw new IllegalArgumentException("unknown variant " + variant);
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    standIn.close();
  }

  @Benchmark
  public String run() throws Exception {
    String answer = client.run();
    if (!Fixture.ANSWER.equals(answer)) {
      throw new IllegalStateException("wrong answer: " + answer);
    }
    if (!client.firstTextNanos().isEmpty()) {
      client.firstTextNanos().clear(); // the streaming clients' timing list would grow for ever
    } // the streaming clients' timing list would grow for ever
    return answer;
  }
}
