package dev.conduit.examples;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The examples' command line: {@code weather "QUESTION"}, {@code search "QUESTION"} and {@code serve}.
 *
 * <pre>{@code
 * ./conduit weather "What's the weather in Tokyo and Paris?"
 * ./conduit search --stream "Who maintains OpenJDK?"
 * ./conduit serve --port 8080
 *
 * // in a test, with its own streams and environment:
 * int exit = ConduitCli.run(new String[] {"weather", "Weather in Oslo?"}, out, err,
 *     Map.of("OPENAI_API_KEY", "test", "OPENAI_BASE_URL", server.url("/v1").toString()));
 * }</pre>
 *
 * <p>Without {@code OPENAI_API_KEY} (or {@code --api-key}) the agents run on a labelled demo model that
 * drives the real tools. Any failure is one line on the error stream, with the fix, and exit code 1.
 */
@Command(name = "conduit", mixinStandardHelpOptions = true, version = "Conduit examples 0.1.0",
    description = "Tool-calling agents over OpenAI-compatible APIs.%n"
        + "Set OPENAI_API_KEY (and OPENAI_BASE_URL for a gateway) to use a real model; without them a demo "
        + "model runs the real tools.")
public final class ConduitCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  private ConduitCli() {}

  public static void main(String[] args) {
    int exit = run(args, System.out, System.err, System.getenv());
    System.exit(exit);
  }

  /**
   * Runs one command.
   *
   * @param env the environment to read {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, Open-Meteo and
   *     search settings from; {@code System.getenv()} in {@link #main}
   * @return the exit code: 0 on success, 1 on any error
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    requireNonNull(args, "args");
    requireNonNull(out, "out");
    requireNonNull(err, "err");
    requireNonNull(env, "env");
    Console console = new Console(out, err, Map.copyOf(env));
    CommandLine cli = new CommandLine(new ConduitCli())
        .addSubcommand(new WeatherCommand(console))
        .addSubcommand(new SearchCommand(console))
        .addSubcommand(new ServeCommand(console))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
        .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
        .setParameterExceptionHandler((e, a) -> {
          err.println("error: " + Failures.oneLine(e.getMessage()) + ". Run with --help for usage.");
          return 1;
        })
        .setExecutionExceptionHandler((e, c, p) -> {
          err.println("error: " + Failures.describe(e));
          return 1;
        });
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: weather, search or serve");
  }

  /** Where a command writes and what environment it reads. */
  record Console(PrintStream out, PrintStream err, Map<String, String> env) {}
}
