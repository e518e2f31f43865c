package dev.conduit.agent.message;

/**
 * One item of a conversation, independent of any provider's wire format.
 *
 * <p>A conversation is a {@code List<Message>}: an optional {@link SystemMessage}, then user turns,
 * the model's {@link AssistantMessage}s and the {@link ToolResult}s that answer its tool calls.
 * Every variant is an immutable record, so a conversation can be stored, shared across threads and
 * passed back to {@code Agent.run(List)} to continue it.
 *
 * <pre>{@code
 * List<Message> next = new ArrayList<>(previous.messages());
 * next.add(UserMessage.of("And in Paris?"));
 * agent.run(next);
 * }</pre>
 */
public sealed interface Message permits SystemMessage, UserMessage, AssistantMessage, ToolResult {}
