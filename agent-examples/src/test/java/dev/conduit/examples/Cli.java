package dev.conduit.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the command line in-process with its own streams and environment. */
final class Cli {
  private Cli() {}

  record Outcome(int exit, String out, String err) {
    /** The output with tool durations, which vary, replaced by {@code N ms}. */
    String outWithoutTimings() {
      return out.replaceAll("\\(\\d+ ms\\)", "(N ms)");
    }
  }

  static Outcome run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = ConduitCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
    return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
