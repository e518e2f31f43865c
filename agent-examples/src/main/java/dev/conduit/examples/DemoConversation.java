package dev.conduit.examples;

import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.message.ToolResult;
import dev.conduit.agent.message.UserMessage;
import dev.conduit.agent.model.ModelRequest;
import dev.conduit.agent.tool.ToolDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the demo model reads from a request: the last question, and the tool calls and results since. */
final class DemoConversation {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final String question;
  private final Map<String, ToolCall> calls = new LinkedHashMap<>();
  private final List<ToolResult> results = new ArrayList<>();
  private final int turn;
  private final Set<String> tools;

  private DemoConversation(ModelRequest request) {
    List<Message> messages = request.messages();
    int last = -1;
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i) instanceof UserMessage) {
        last = i;
      }
    }
    question = last < 0 ? "" : ((UserMessage) messages.get(last)).text();
    int turns = 1;
    for (Message m : messages.subList(last + 1, messages.size())) {
      if (m instanceof AssistantMessage a) {
        turns++;
        a.toolCalls().forEach(c -> calls.put(c.id(), c));
      } else if (m instanceof ToolResult r) {
        results.add(r);
      }
    }
    turn = turns;
    tools = request.tools().stream().map(ToolDefinition::name).collect(Collectors.toSet());
  }

  static DemoConversation of(ModelRequest request) {
    return new DemoConversation(request);
  }

  String question() {
    return question;
  }

  /** The model turn being answered, from 1 for the first answer to the question. */
  int turn() {
    return turn;
  }

  boolean hasTool(String name) {
    return tools.contains(name);
  }

  List<ToolResult> results(String toolName) {
    return results.stream().filter(r -> r.toolName().equals(toolName)).toList();
  }

  /** One argument of the call a result answers, e.g. the location a weather result is for. */
  String argument(ToolResult result, String name) {
    ToolCall call = calls.get(result.toolCallId());
    if (call == null) {
      return "";
    }
    JsonNode value = parse(call.argumentsJson()).map(n -> n.path(name)).orElse(null);
    return value == null || value.isNull() || value.isMissingNode() ? "" : value.asString();
  }

  /** A new call id, unique within the run. */
  String callId(int index) {
    return "call_demo_" + turn + "_" + (index + 1);
  }

  static Optional<JsonNode> parse(String json) {
    try {
      return Optional.ofNullable(JSON.readTree(json));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The error text of a failed result, without the "Error: " the loop puts in front for the model. */
  static String errorText(ToolResult result) {
    String text = result.content().strip();
    return text.startsWith("Error: ") ? text.substring("Error: ".length()) : text;
  }

  static String arguments(Map<String, ?> arguments) {
    return JSON.writeValueAsString(arguments);
  }
}
