package dev.conduit.agent.bench;

import dev.conduit.agent.tool.Toolbox;
import java.util.Arrays;

/**
 * Run in a fresh JVM: times the first {@code Toolbox.of(new TwentyTools())} (class loading and
 * schema generation from cold) and then the warm cost, and prints one JSON line:
 * {@code {"tools":20,"firstMillis":..,"warmMicrosMedian":..,"warmMicrosMin":..,"sinceJvmStartMillis":..}}.
 *
 * <pre>{@code
 * java -cp benchmarks.jar dev.conduit.agent.bench.ToolboxStartup 200
 * }</pre>
 */
public final class ToolboxStartup {
  private ToolboxStartup() {}

  public static void main(String[] args) {
    int warm = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    long sinceStart = System.currentTimeMillis() - ProcessHandle.current().info().startInstant()
        .map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
    long t0 = System.nanoTime();
    Toolbox first = Toolbox.of(new TwentyTools());
    long firstNanos = System.nanoTime() - t0;
    int tools = first.definitions().size();
    for (int i = 0; i < warm; i++) { // warm-up: let the JIT compile the path
      Toolbox.of(new TwentyTools());
    }
    long[] times = new long[Math.max(1, warm)];
    for (int i = 0; i < times.length; i++) {
      long s = System.nanoTime();
      tools = Math.min(tools, Toolbox.of(new TwentyTools()).definitions().size());
      times[i] = System.nanoTime() - s;
    }
    Arrays.sort(times);
    System.out.println("{\"tools\":" + tools + ",\"firstMillis\":" + round(firstNanos / 1e6)
        + ",\"warmMicrosMedian\":" + round(times[times.length / 2] / 1e3) + ",\"warmMicrosMin\":" + round(times[0] / 1e3)
        + ",\"warmIterations\":" + times.length + ",\"jvmStartToMainMillis\":" + sinceStart + "}");
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
