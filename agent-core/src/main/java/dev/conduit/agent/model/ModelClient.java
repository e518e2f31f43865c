package dev.conduit.agent.model;

/**
 * The one seam between the agent loop and a model provider.
 *
 * <p>{@code OpenAiClient} implements it for OpenAI-compatible HTTP APIs; {@code ScriptedModel}
 * implements it for tests. Implementations must be safe for concurrent use and must give up
 * promptly, cancelling any request in flight, when the calling thread is interrupted.
 *
 * <pre>{@code
 * ModelResponse response = client.complete(new ModelRequest("gpt-5.1", messages, tools, settings));
 * }</pre>
 */
public interface ModelClient {
  /**
   * Sends one request and waits for the whole answer.
   *
   * @throws ModelException when the provider fails after the client's retries
   * @throws InterruptedException when the calling thread is interrupted; the request is cancelled
   */
  ModelResponse complete(ModelRequest request) throws InterruptedException;

  /**
   * Sends one request and reports the answer as it arrives, then returns the same {@link
   * ModelResponse} that {@link #complete} would. The default calls {@link #complete} and reports the
   * whole answer as one delta each.
   */
  default ModelResponse stream(ModelRequest request, ModelStreamListener listener) throws InterruptedException {
    ModelResponse response = complete(request);
    StreamReplay.replay(response, listener);
    return response;
  }
}
