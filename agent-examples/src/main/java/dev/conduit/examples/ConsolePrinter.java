package dev.conduit.examples;

import dev.conduit.agent.AgentEvent;
import dev.conduit.agent.AgentListener;
import dev.conduit.agent.RunResult;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.Usage;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Prints a run for a person at a terminal: streamed text as it comes, one line per tool call when it
 * ends, and a last line with turns, tokens and cost. Tool events come from tool threads, so every
 * print holds the lock.
 */
final class ConsolePrinter implements AgentListener {
  private static final int MAX_ARGUMENTS_SHOWN = 200;

  private final PrintStream out;
  private boolean midLine; // streamed text without its newline yet
  private boolean streamedText;

  ConsolePrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void onEvent(AgentEvent event) {
    if (event instanceof AgentEvent.TextDelta d) {
      out.print(d.text());
      out.flush();
      midLine = !d.text().endsWith("\n");
      streamedText = true;
    } else if (event instanceof AgentEvent.ToolCallFinished f) {
      line(toolLine(f.call(), f.duration()));
    } else if (event instanceof AgentEvent.ToolCallFailed f) {
      line(toolLine(f.call(), f.duration()) + " failed: " + DemoConversation.errorText(f.result()));
    }
  }

  /** The answer (unless it was streamed) and the summary line. */
  synchronized void finish(RunResult result) {
    if (streamedText) {
      if (midLine) {
        out.println();
        midLine = false;
      }
    } else {
      out.println(result.finalText());
    }
    out.println(summary(result));
    out.flush();
  }

  synchronized void line(String text) {
    if (midLine) {
      out.println();
      midLine = false;
    }
    out.println(text);
    out.flush();
  }

  static String toolLine(ToolCall call, Duration duration) {
    String args = call.argumentsJson().replaceAll("\\s+", " ").strip();
    if (args.length() > MAX_ARGUMENTS_SHOWN) {
      args = args.substring(0, MAX_ARGUMENTS_SHOWN - 3) + "...";
    }
    return "> " + call.name() + " " + args + " (" + duration.toMillis() + " ms)";
  }

  /** e.g. {@code 2 turns | tokens: 200 input, 40 output, 0 cached, 0 reasoning | cost $0.000141} */
  static String summary(RunResult result) {
    Usage u = result.usage();
    return result.turns() + (result.turns() == 1 ? " turn" : " turns")
        + " | tokens: " + u.inputTokens() + " input, " + u.outputTokens() + " output, " + u.cachedInputTokens()
        + " cached, " + u.reasoningTokens() + " reasoning | "
        + result.cost().map(ConsolePrinter::dollars).orElse("cost unknown");
  }

  static String dollars(BigDecimal cost) {
    return "cost $" + cost.stripTrailingZeros().toPlainString();
  }
}
