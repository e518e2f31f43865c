package dev.conduit.agent;

import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.Usage;
import java.util.List;

/** The model's final answer could not be read as the requested output type; {@link #json()} is what it sent. */
public final class StructuredOutputException extends AgentException {
  private static final long serialVersionUID = 1L;
  private final String json;

  StructuredOutputException(Class<?> type, String json, String problem, List<Message> messages, Usage usage) {
    super("The model's answer is not a valid " + type.getSimpleName() + " (" + problem + "): " + excerpt(json), messages, usage, null);
    this.json = json;
  }

  public String json() {
    return json;
  }

  private static String excerpt(String json) {
    return json.length() <= 2000 ? json : json.substring(0, 2000) + "...(" + json.length() + " chars)";
  }
}
