package dev.conduit.agent;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Reasoning;
import dev.conduit.agent.message.Usage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run produced.
 *
 * <pre>{@code
 * RunResult result = agent.run("What's the weather in Tokyo and Paris?");
 * result.finalText();   // the answer
 * result.usage();       // tokens over all turns
 * result.cost();        // Optional: empty when the model has no price
 * result.messages();    // the whole conversation, to continue it:
 * List<Message> next = new ArrayList<>(result.messages());
 * next.add(UserMessage.of("And tomorrow?"));
 * agent.run(next);
 * }</pre>
 *
 * @param finalText the model's final answer, or the result of a stop-at tool
 * @param messages the whole conversation: input, every assistant turn and tool result
 * @param usage tokens summed over all turns
 * @param turnUsages tokens of each turn, in order
 * @param cost US dollars, when the model has a price
 * @param turns how many model calls the run made
 * @param truncated whether the final answer was cut by the output token limit
 * @param lastResponseId the provider's id of the last response (Responses: for {@code previous_response_id})
 */
public record RunResult(
    String finalText,
    List<Message> messages,
    Usage usage,
    List<Usage> turnUsages,
    Optional<BigDecimal> cost,
    int turns,
    boolean truncated,
    Optional<String> lastResponseId) {
  public RunResult {
    requireNonNull(finalText, "finalText");
    messages = List.copyOf(requireNonNull(messages, "messages"));
    requireNonNull(usage, "usage");
    turnUsages = List.copyOf(requireNonNull(turnUsages, "turnUsages"));
    requireNonNull(cost, "cost");
    requireNonNull(lastResponseId, "lastResponseId");
  }

  /** Reasoning texts and summaries of every turn, in order. */
  public List<Reasoning> reasoning() {
    List<Reasoning> all = new ArrayList<>();
    for (Message m : messages) {
      if (m instanceof AssistantMessage a) {
        all.addAll(a.reasoning());
      }
    }
    return all;
  }
}
