package dev.conduit.agent.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the whole fault matrix in a JVM of its own, started by {@link SecretCanaryAcrossTheMatrixTest}
 * with slf4j-simple at TRACE writing to a file (its level is fixed when the first logger is made, so
 * it cannot be raised inside the shared test JVM). Writes every text the runs exposed to {@code
 * args[0]}, one per line block, and the failed scenarios to {@code args[1]}.
 */
public final class CanaryRun {
  private CanaryRun() {}

  public static void main(String[] args) throws Exception {
    List<String> seen = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (FaultScenarios.Scenario scenario : FaultScenarios.all()) {
      for (Lab.Mode mode : FaultMatrixTest.modes()) {
        if (!mode.appliesTo(scenario)) {
          continue;
        }
        Lab lab = new Lab(mode.endpoint(), mode.streaming());
        try (lab) {
          scenario.body().run(lab);
        } catch (Throwable t) {
          StringWriter trace = new StringWriter();
          t.printStackTrace(new PrintWriter(trace));
          failed.add(scenario + " [" + mode + "]: " + trace);
        }
        seen.add("=== " + scenario + " [" + mode + "]");
        seen.addAll(lab.seen);
      }
    }
    Files.writeString(Path.of(args[0]), String.join("\n", seen), StandardCharsets.UTF_8);
    Files.writeString(Path.of(args[1]), String.join("\n", failed), StandardCharsets.UTF_8);
    System.exit(0); // pooled non-daemon threads (MockWebServer's) must not keep this JVM alive
  }
}
