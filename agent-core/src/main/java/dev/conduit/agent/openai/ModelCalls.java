package dev.conduit.agent.openai;

import dev.conduit.agent.internal.Json;
import dev.conduit.agent.internal.Watchdog;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
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
  private static final long FINISHED_STREAM_GRACE_SECONDS = 2;
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
    return retrying.call((baseUrl, attempt) -> {
      Request http = transport.request(baseUrl, json, attempt, false);
      return decode(transport.execute(http, json, attempt), http);
    });
  }

  ModelResponse stream(ModelRequest request, ModelStreamListener listener) throws InterruptedException {
    byte[] json = encode(request, true);
    return retrying.call((baseUrl, attempt) -> streamOnce(baseUrl, json, attempt, listener));
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

  private ModelResponse streamOnce(HttpUrl baseUrl, byte[] json, int attempt, ModelStreamListener listener)
      throws IOException, HttpFailure, InterruptedException {
    Request http = transport.request(baseUrl, json, attempt, true);
    BlockingQueue<HttpTransport.Signal> signals = HttpTransport.newQueue();
    StreamAssembler assembler = config.endpoint() == Endpoint.CHAT_COMPLETIONS
        ? new ChatStreamAssembler(listener)
        : new ResponsesStreamAssembler(listener);
    Call call = transport.startStream(http, json, attempt, signals);
    boolean finished = false;
    boolean endedOnMarker = false;
    Optional<String> requestId = Optional.empty();
    try {
      while (true) {
        HttpTransport.Signal signal = signals.take(); // interruptible: the finally cancels the call
        if (signal instanceof HttpTransport.Plain plain) {
          // A gateway (or Prism) that ignored "stream": true and answered with plain JSON.
          ModelResponse response = decode(plain, http);
          replay(response, listener);
          finished = true;
          return response;
        } else if (signal instanceof HttpTransport.Opened opened) {
          requestId = Optional.ofNullable(opened.headers().get("x-request-id"));
        } else if (signal instanceof HttpTransport.Event event) {
          transport.logEvent(event);
          accept(assembler, event, http, requestId);
          if (assembler.terminal()) {
            finished = true;
            endedOnMarker = true;
            return assembler.result(requestId);
          }
        } else if (signal instanceof HttpTransport.Closed) {
          if (assembler.complete()) {
            finished = true;
            return assembler.result(requestId);
          }
          throw new StreamTruncatedException("The stream from " + where(http) + " ended before its end marker ("
              + (config.endpoint() == Endpoint.CHAT_COMPLETIONS ? "[DONE] or a finish_reason" : "response.completed")
              + "): the answer is cut short; partial() holds what arrived", assembler.partial(), requestId);
        } else if (signal instanceof HttpTransport.Failed failed) {
          if (assembler.complete()) {
            finished = true;
            return assembler.result(requestId);
          }
          throw streamFailure(failed.failure(), assembler, requestId, http);
        }
      }
    } finally {
      if (!finished) {
        call.cancel();
      } else if (endedOnMarker) {
        // The answer is complete; the body normally ends at once and the connection is reused. A
        // server that keeps it open would hold the connection until the idle timeout: close it then.
        Watchdog.schedule(call::cancel, FINISHED_STREAM_GRACE_SECONDS, TimeUnit.SECONDS);
      }
    }
  }

  private void accept(StreamAssembler assembler, HttpTransport.Event event, Request http,
      Optional<String> requestId) {
    try {
      assembler.accept(event.type(), event.data());
    } catch (MalformedResponse e) {
      throw new ModelResponseException(config.apiKey().scrub("The stream from " + where(http) + " cannot be read: "
          + e.getMessage()), requestId, null);
    } catch (ModelApiException e) {
      throw new ModelApiException(config.apiKey().scrub(e.getMessage())
          + requestId.map(id -> " [request id " + id + "]").orElse(""),
          e.statusCode(), e.errorType(), e.code(), e.param(), requestId);
    }
  }

  private IOException streamFailure(Throwable t, StreamAssembler assembler, Optional<String> requestId, Request http) {
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
