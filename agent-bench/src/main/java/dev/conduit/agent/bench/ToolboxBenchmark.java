package dev.conduit.agent.bench;

import dev.conduit.agent.tool.Toolbox;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm {@code Toolbox.of} for a class with 20 tools; the cold first call is {@link ToolboxStartup}'s.
 *
 * <pre>{@code
 * java -jar agent-bench/target/benchmarks.jar ToolboxBenchmark
 * }</pre>
 *
 * <p>Not final: JMH generates subclasses of benchmark classes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ToolboxBenchmark {
  @Benchmark
  public Toolbox toolboxOfTwentyTools() {
    return Toolbox.of(new TwentyTools());
  }
}
