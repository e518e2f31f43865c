package dev.conduit.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sentinel key must not appear, raw, URL-encoded or base64, in any log line at TRACE, exception
 * message, {@code toString}, event or request body sent to the model, across the whole fault matrix.
 * The matrix runs in a child JVM whose slf4j-simple logs everything at TRACE to a file.
 */
@Timeout(600)
class SecretCanaryAcrossTheMatrixTest {
  @Test
  void theKeyIsInNoLogLineExceptionToStringEventOrRequestBody() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "reliability"));
    Path log = dir.resolve("canary-trace.log");
    Path seen = dir.resolve("canary-seen.txt");
    Path failed = dir.resolve("canary-failed-scenarios.txt");
    Path console = dir.resolve("canary-console.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
        "-Dorg.slf4j.simpleLogger.logFile=" + log.toAbsolutePath(),
        "-Dorg.slf4j.simpleLogger.showThreadName=true",
        CanaryRun.class.getName(), seen.toAbsolutePath().toString(), failed.toAbsolutePath().toString())
        .redirectErrorStream(true).redirectOutput(console.toFile()).start();
    try {
      assertThat(child.waitFor(500, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.exitValue()).as("child exit; see " + console).isZero();

    String logText = Files.readString(log, StandardCharsets.UTF_8);
    List<String> logLines = logText.lines().toList();
    assertThat(logText).as("TRACE was on: headers, bodies and events were logged")
        .contains(" TRACE dev.conduit.agent.openai.OpenAiClient - --> POST ").contains("Authorization: <redacted>")
        .contains(" - <-- body").contains(" - <-- event ").contains("Set-Cookie: <redacted>")
        .contains(" WARN dev.conduit.agent.tool.Toolbox - Tool 'boom' failed");
    String seenText = Files.readString(seen, StandardCharsets.UTF_8);
    assertThat(seenText).contains("=== b1").contains("=== b35").contains("ModelCallException");
    for (String line : logLines) {
      Canary.assertAbsent(line);
    }
    for (String line : seenText.lines().toList()) {
      Canary.assertAbsent(line);
    }
    assertThat(Files.readString(failed, StandardCharsets.UTF_8)).as("scenarios that failed in the child JVM").isEmpty();
    assertThat(new File(System.getProperty("java.home"))).exists();
  }
}
