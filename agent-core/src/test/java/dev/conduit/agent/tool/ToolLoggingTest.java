package dev.conduit.agent.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conduit.agent.message.ToolCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Conduit logs about tools, read from slf4j-simple's output (standard error, INFO and up). */
class ToolLoggingTest {
  public static class Counters {
    @Tool("Add to counters")
    public int add(@Param("Counts by name") Map<String, Integer> counts) {
      return counts.size();
    }

    @Tool("Crash")
    public String crash() {
      throw new IllegalStateException("db password=hunter2");
    }
  }

  /** Read by one test only: the fallback is logged when a class's tools are first read. */
  public static class Tallies {
    @Tool("Add to counters")
    public int add(@Param("Counts by name") Map<String, Integer> counts) {
      return counts.size();
    }
  }

  private interface Action {
    void run() throws Exception;
  }

  private static String stderrOf(Action action) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void fallingBackToNonStrictIsLoggedWithTheReasonOnceWhenTheClassIsFirstRead() throws Exception {
    String log = stderrOf(() -> Toolbox.of(new Tallies()));
    String again = stderrOf(() -> Toolbox.of(new Tallies()));

    assertThat(again).doesNotContain("strict: false");
    assertThat(log).contains("INFO dev.conduit.agent.tool.Toolbox - Tool 'add' is sent with strict: false, because OpenAI's"
        + " strict mode cannot express its parameters: $.properties.counts.additionalProperties: must be false in strict mode"
        + " (a Map's values cannot be described)");
  }

  @Test
  void toolFailureIsLoggedAtWarnWithItsDetails() throws Exception {
    Toolbox toolbox = Toolbox.of(new Counters());

    String log = stderrOf(() -> toolbox.execute(new ToolCall("call_7", "crash", "{}")));

    assertThat(log).contains("WARN dev.conduit.agent.tool.Toolbox - Tool 'crash' failed on call call_7")
        .contains("java.lang.IllegalStateException: db password=hunter2")
        .contains("at dev.conduit.agent.tool.ToolLoggingTest$Counters.crash");
  }
}
