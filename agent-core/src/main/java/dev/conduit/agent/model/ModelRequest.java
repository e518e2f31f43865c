package dev.conduit.agent.model;

import static java.util.Objects.requireNonNull;

import dev.conduit.agent.message.Message;
import dev.conduit.agent.tool.ToolDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Everything one model call needs, independent of the endpoint.
 *
 * @param model the model name, e.g. {@code gpt-5.1}
 * @param messages the conversation so far
 * @param tools the tools the model may call
 * @param settings sampling, limits and output format
 * @param previousResponseId on Responses, continue server-side state instead of resending history
 */
public record ModelRequest(
    String model,
    List<Message> messages,
    List<ToolDefinition> tools,
    ModelSettings settings,
    Optional<String> previousResponseId) {
  public ModelRequest {
    requireNonNull(model, "model");
    if (model.isBlank()) {
      throw new IllegalArgumentException("model is blank: name a model such as gpt-5.1");
    }
    messages = List.copyOf(requireNonNull(messages, "messages"));
    tools = List.copyOf(requireNonNull(tools, "tools"));
    requireNonNull(settings, "settings");
    requireNonNull(previousResponseId, "previousResponseId");
  }

  public ModelRequest(String model, List<Message> messages, List<ToolDefinition> tools, ModelSettings settings) {
    this(model, messages, tools, settings, Optional.empty());
  }
}
