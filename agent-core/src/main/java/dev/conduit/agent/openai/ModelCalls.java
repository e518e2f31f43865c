package dev.conduit.agent.openai;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.message.AssistantMessage;
import dev.conduit.agent.message.Reasoning;
import dev.conduit.agent.message.ToolCall;
import dev.conduit.agent.model.ModelApiException;
import dev.conduit.agent.model.ModelRequest;
import dev.conduit.agent.model.ModelResponse;
import dev.conduit.agent.model.ModelResponseException;
import dev.conduit.agent.model.ModelStreamListener;
import dev.conduit.agent.model.ResponseTooLargeException;
import dev.conduit.agent.model.StreamInterruptedException;
import dev.conduit.agent.model.StreamTruncatedException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.databind.JsonNode;

/** One model call, streamed or not, through the retry policy: what {@link OpenAiClient} delegates to. */
final class ModelCalls {
  private final ClientConfig config;
  private final HttpTransport transport;
  private final RetryingCaller retrying;
  private final Clock clock;

  ModelCalls(ClientConfig config, HttpTransport transport, RetryingCaller retrying, Clock clock) {
    this.config = config;
    this.transport = transport;
    this.retrying = retrying;
    this.clock = clock;
  }

  ModelResponse complete(ModelRequest request) throws InterruptedException {
    byte[] json = encode(request, false);
    Optional<String> key = transport.idempotencyKey();
    return retrying.call((baseUrl, attempt) -> {
      Request http = transport.request(baseUrl, json, attempt, false, key);
      return decode(transport.execute(http, json, attempt), http);
    });
  }

  ModelResponse stream(ModelRequest request, ModelStreamListener listener) throws InterruptedException {
    byte[] json = encode(request, true);
    Optional<String> key = transport.idempotencyKey();
    return retrying.call((baseUrl, attempt) -> streamOnce(baseUrl, json, attempt, key, listener));
  }

  /**
   * The request body, written by the codec straight into bytes. The recycled buffers are what
   * {@code ObjectMapper.writeValueAsBytes} uses; the empty write context skips the per-call
   * serialization context the mapper would make, which nothing here needs (no POJOs are written).
   */
  byte[] encode(ModelRequest request, boolean stream) {
    TokenStreamFactory factory = Json.MAPPER.tokenStreamFactory();
    BufferRecycler recycler = factory._getBufferRecycler();
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator json = factory.createGenerator(ObjectWriteContext.empty(), bytes, JsonEncoding.UTF8)) {
        if (config.endpoint() == Endpoint.CHAT_COMPLETIONS) {
          ChatCompletionsCodec.encode(request, stream, json);
        } else {
          ResponsesCodec.encode(request, stream, json);
        }
      }
      byte[] body = bytes.toByteArray();
      bytes.release();
      return body;
    } finally {
      recycler.releaseToPool();
    }
  }

  private ModelResponse streamOnce(HttpUrl baseUrl, byte[] json, int attempt, Optional<String> key,
      ModelStreamListener listener) throws IOException, HttpFailure, InterruptedException {
    Request http = transport.request(baseUrl, json, attempt, true, key);
    try {
      return transport.stream(http, json, attempt, (call, response) -> streamed(call, response, http, listener));
    } catch (CappedBody.TooLarge e) {
      throw new ResponseTooLargeException("The stream from " + where(http) + " is too large: " + e.getMessage(),
          Optional.empty());
    } catch (IOException e) {
      throw transport.classify(e, true); // nothing delivered yet: retried like any failed request
    }
  }

  private ModelResponse streamed(Call call, Response response, Request http, ModelStreamListener listener)
      throws IOException, HttpFailure, InterruptedException {
    if (!HttpTransport.isEventStream(response)) {
      // An error status, or a gateway (or Prism) that ignored "stream": true and answered with plain JSON.
      ModelResponse answer = decode(transport.readPlain(response), http);
      replay(answer, listener);
      return answer;
    }
    call.timeout().cancel(); // a long-lived body: from here on the stream idle timeout governs
    StreamReader reader = new StreamReader(http, Optional.ofNullable(response.header("x-request-id")),
        config.endpoint() == Endpoint.CHAT_COMPLETIONS ? new ChatStreamAssembler(listener)
            : new ResponsesStreamAssembler(listener));
    transport.events(response, reader);
    return reader.outcome();
  }

  /**
   * Feeds the events of one stream to its assembler, on the thread that reads the socket, and stops
   * reading at the end marker: a server that keeps the body open after it cannot hold the run.
   */
  private final class StreamReader extends EventSourceListener {
    private final Request http;
    private final Optional<String> requestId;
    private final StreamAssembler assembler;
    private @Nullable RuntimeException rejected;
    private @Nullable Throwable failure;
    private boolean closed;

    StreamReader(Request http, Optional<String> requestId, StreamAssembler assembler) {
      this.http = http;
      this.requestId = requestId;
      this.assembler = assembler;
    }

    @Override
    public void onEvent(EventSource source, @Nullable String id, @Nullable String type, String data) {
      String eventType = type == null ? "" : type;
      transport.logEvent(eventType, data);
      try {
        accept(assembler, eventType, data, http, requestId);
      } catch (RuntimeException e) {
        rejected = e;
        source.cancel();
        return;
      }
      if (assembler.terminal()) {
        source.cancel();
      }
    }

    @Override
    public void onClosed(EventSource source) {
      closed = true;
    }

    @Override
    public void onFailure(EventSource source, @Nullable Throwable t, @Nullable Response response) {
      failure = t == null ? new IOException("the event stream failed") : t;
    }

    ModelResponse outcome() throws IOException, InterruptedException {
      if (Thread.interrupted()) {
        throw new InterruptedException(); // the interrupt closed the socket: a cancellation
      }
      if (rejected != null) {
        throw rejected;
      }
      if (assembler.terminal() || assembler.complete()) {
        return assembler.result(requestId);
      }
      if (closed) {
        throw new StreamTruncatedException("The stream from " + where(http) + " ended before its end marker ("
            + (config.endpoint() == Endpoint.CHAT_COMPLETIONS ? "[DONE] or a finish_reason" : "response.completed")
            + "): the answer is cut short; partial() holds what arrived", assembler.partial(), requestId);
      }
      throw streamFailure(failure, assembler, requestId, http);
    }
  }

  private void accept(StreamAssembler assembler, String type, String data, Request http,
      Optional<String> requestId) {
    try {
      assembler.accept(type, data);
    } catch (MalformedResponse e) {
      throw new ModelResponseException(config.apiKey().scrub("The stream from " + where(http) + " cannot be read: "
          + e.getMessage()), requestId, null);
    } catch (ModelApiException e) {
      throw new ModelApiException(config.apiKey().scrub(e.getMessage())
          + requestId.map(id -> " [request id " + id + "]").orElse(""),
          e.statusCode(), e.errorType(), e.code(), e.param(), requestId);
    }
  }

  private IOException streamFailure(@Nullable Throwable t, StreamAssembler assembler, Optional<String> requestId, Request http) {
    if (t instanceof CappedBody.TooLarge) {
      throw new ResponseTooLargeException("The stream from " + where(http) + " is too large: " + t.getMessage(),
          requestId);
    }
    if (assembler.delivered()) {
      throw new StreamInterruptedException("The stream from " + where(http) + " broke after output was delivered ("
          + t + "); not retried, partial() holds the text and complete tool calls", assembler.partial(), requestId, t);
    }
    if (t instanceof IOException io) {
      return transport.classify(io, true); // nothing delivered yet: retried like any failed request
    }
    throw new ModelResponseException("The stream from " + where(http) + " cannot be read: " + t, requestId, t);
  }

  private ModelResponse decode(HttpTransport.Plain plain, Request http) throws HttpFailure {
    Optional<String> requestId = Optional.ofNullable(plain.headers().get("x-request-id"));
    if (plain.status() < 200 || plain.status() > 299) {
      throw ErrorParser.parse(plain.status(), plain.headers(), plain.body(), where(http), config.apiKey(), clock);
    }
    if (plain.body().length == 0) {
      throw new ModelResponseException("The " + plain.status() + " response of " + where(http) + " has an empty body",
          requestId, null);
    }
    try {
      JsonNode root = Json.MAPPER.readTree(plain.body());
      return config.endpoint() == Endpoint.CHAT_COMPLETIONS
          ? ChatCompletionsCodec.decode(root, requestId)
          : ResponsesCodec.decode(root, requestId);
    } catch (JacksonException e) {
      throw new ModelResponseException("The " + plain.status() + " response of " + where(http) + " is not JSON ("
          + config.apiKey().scrub(ErrorParser.excerpt(plain.body())) + ")", requestId, null);
    } catch (ModelApiException e) {
      throw new ModelApiException(config.apiKey().scrub(e.getMessage()), e.statusCode(), e.errorType(), e.code(),
          e.param(), e.requestId());
    } catch (MalformedResponse | IllegalArgumentException | NullPointerException e) {
      throw new ModelResponseException("The " + plain.status() + " response of " + where(http)
          + " is not a usable answer: " + config.apiKey().scrub(String.valueOf(e.getMessage())), requestId, null);
    }
  }

  /** Reports a whole answer to the listener, for a server that answered a stream request with JSON. */
  static void replay(ModelResponse response, ModelStreamListener listener) {
    AssistantMessage message = response.message();
    for (Reasoning r : message.reasoning()) {
      if (!r.displayText().isEmpty()) {
        listener.onReasoningDelta(r.displayText());
      }
    }
    if (!message.text().isEmpty()) {
      listener.onTextDelta(message.text());
    }
    List<ToolCall> calls = message.toolCalls();
    for (int i = 0; i < calls.size(); i++) {
      listener.onToolCallStarted(i, calls.get(i).id(), calls.get(i).name());
      listener.onToolCallArgumentsDelta(i, calls.get(i).argumentsJson());
    }
  }

  private static String where(Request http) {
    return http.method() + " " + http.url();
  }
}
