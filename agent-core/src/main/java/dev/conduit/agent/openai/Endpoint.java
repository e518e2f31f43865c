package dev.conduit.agent.openai;

/**
 * Which OpenAI-compatible API an {@link OpenAiClient} talks to. Both take the same {@code
 * ModelRequest} and give the same {@code ModelResponse}.
 *
 * <pre>{@code
 * OpenAiClient.builder().apiKey(key).endpoint(Endpoint.CHAT_COMPLETIONS).build();
 * }</pre>
 */
public enum Endpoint {
  /** {@code POST {baseUrl}/chat/completions}: the API most gateways implement. */
  CHAT_COMPLETIONS("chat/completions"),
  /** {@code POST {baseUrl}/responses}: OpenAI's newer API, with reasoning items and server-side state. */
  RESPONSES("responses");

  private final String path;

  Endpoint(String path) {
    this.path = path;
  }

  String path() {
    return path;
  }
}
