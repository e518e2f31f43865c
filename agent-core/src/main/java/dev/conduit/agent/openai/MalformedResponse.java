package dev.conduit.agent.openai;

/**
 * A 200 body that cannot be read as an answer. Thrown by the codecs, turned into a {@code
 * ModelResponseException} with the request id by the client.
 */
final class MalformedResponse extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedResponse(String message) {
    super(message, null, false, false);
  }
}
