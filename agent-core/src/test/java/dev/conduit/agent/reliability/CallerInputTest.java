package dev.conduit.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conduit.agent.Agent;
import dev.conduit.agent.message.Message;
import dev.conduit.agent.message.UserMessage;
import dev.conduit.agent.model.ModelSettings;
import dev.conduit.agent.openai.OpenAiClient;
import dev.conduit.agent.pricing.ModelPrice;
import dev.conduit.agent.pricing.Pricing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A caller's mistake fails at once with a message naming the field and what is allowed, and nothing
 * reaches the server: after every case the stand-in has recorded zero requests.
 */
@Timeout(30)
class CallerInputTest {
  static final MockWebServer server = new MockWebServer();

  @BeforeAll
  static void start() throws java.io.IOException {
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void nothingWasSent() {
    assertThat(server.getRequestCount()).as("requests sent despite the bad input").isZero();
  }

  private static OpenAiClient.Builder client() {
    return OpenAiClient.builder().apiKey(Lab.KEY).baseUrl(server.url("/v1").toString());
  }

  private static Agent agent() {
    return Agent.builder().client(client().build()).model("gpt-5.1").build();
  }

  private static Arguments bad(String what, ThrowingCallable action, Class<? extends Throwable> type, String message) {
    return Arguments.of(what, action, type, message);
  }

  static Stream<Arguments> badClientSettings() {
    return Stream.of(
        bad("no key", () -> OpenAiClient.builder().build(), IllegalArgumentException.class,
            "apiKey is required: pass it with .apiKey(System.getenv(\"OPENAI_API_KEY\"))"),
        bad("blank key", () -> client().apiKey(" \t").build(), IllegalArgumentException.class,
            "apiKey is blank: is the environment variable (e.g. OPENAI_API_KEY) set?"),
        bad("key with a trailing newline", () -> client().apiKey(Lab.KEY + "\n").build(), IllegalArgumentException.class,
            "apiKey contains a line break at position " + Lab.KEY.length()
                + " (often a trailing newline from a file or an env var): strip() it before passing it"),
        bad("blank base URL", () -> client().baseUrl("  ").build(), IllegalArgumentException.class,
            "baseUrl is blank (expected e.g. https://api.openai.com/v1)"),
        bad("base URL without scheme", () -> client().baseUrl("api.example.com/v1").build(), IllegalArgumentException.class,
            "baseUrl has no scheme: api.example.com/v1 (expected http:// or https://)"),
        bad("base URL with another scheme", () -> client().baseUrl("file:///etc/passwd").build(),
            IllegalArgumentException.class, "baseUrl has an unsupported scheme: file:///etc/passwd (expected http:// or https://)"),
        bad("base URL with a bad port", () -> client().baseUrl("https://api.example.com:99999/v1").build(),
            IllegalArgumentException.class,
            "baseUrl is not a valid URL: https://api.example.com:99999/v1 (expected e.g. https://api.openai.com/v1)"),
        bad("base URL with credentials", () -> client().baseUrl("https://user:pw@api.example.com/v1").build(),
            IllegalArgumentException.class, "baseUrl must not contain a user name or password: pass the key with "
                + "apiKey(...) and any other credential with header(...)"),
        bad("fallback with a query", () -> client().fallbackBaseUrl("https://b.example.com/v1?key=1").build(),
            IllegalArgumentException.class, "fallbackBaseUrl must not have a query or fragment: https://b.example.com/v1 "
                + "is the base, and the endpoint path is appended to it"),
        bad("null base URL", () -> client().baseUrl(null), NullPointerException.class, "baseUrl"),
        bad("negative retries", () -> client().maxRetries(-1).build(), IllegalArgumentException.class,
            "maxRetries must be between 0 and 10, got -1"),
        bad("too many retries", () -> client().maxRetries(11).build(), IllegalArgumentException.class,
            "maxRetries must be between 0 and 10, got 11"),
        bad("zero connect timeout", () -> client().connectTimeout(Duration.ZERO).build(), IllegalArgumentException.class,
            "connectTimeout must be positive, got PT0S"),
        bad("negative attempt timeout", () -> client().attemptTimeout(Duration.ofSeconds(-1)).build(),
            IllegalArgumentException.class, "attemptTimeout must be positive, got PT-1S"),
        bad("negative Retry-After cap", () -> client().maxRetryAfter(Duration.ofSeconds(-5)).build(),
            IllegalArgumentException.class, "maxRetryAfter cannot be negative, got PT-5S"),
        bad("tiny response cap", () -> client().maxResponseBytes(10).build(), IllegalArgumentException.class,
            "maxResponseBytes and maxEventBytes must be at least 1024"),
        bad("header value with a line break", () -> client().header("X-Tenant", "acme\r\nX-Evil: 1").build(),
            IllegalArgumentException.class, "the value of header X-Tenant has a control or non-ASCII character at "
                + "position 4 (a trailing newline?): strip() it"),
        bad("idempotency header that is not a token", () -> client().idempotencyHeader("Idempotency Key").build(),
            IllegalArgumentException.class, "header name is not a valid HTTP token: \"Idempotency Key\""),
        bad("idempotency header also set as a fixed header",
            () -> client().header("idempotency-key", "abc").idempotencyHeader("Idempotency-Key").build(),
            IllegalArgumentException.class, "header Idempotency-Key is set both with header(...) and as the "
                + "idempotencyHeader: one fixed value would defeat a key per call; keep one of the two"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badClientSettings")
  void badClientSettingsFailAtBuildNamingTheFieldAndTheFix(String what, ThrowingCallable action,
      Class<? extends Throwable> type, String message) {
    assertThatThrownBy(action).isInstanceOf(type).hasMessage(message);
  }

  static Stream<Arguments> badModelSettings() {
    return Stream.of(
        bad("temperature 3", () -> ModelSettings.builder().temperature(3).build(), IllegalArgumentException.class,
            "temperature must be between 0 and 2, got 3.0"),
        bad("temperature NaN", () -> ModelSettings.builder().temperature(Double.NaN).build(),
            IllegalArgumentException.class, "temperature must be between 0 and 2, got NaN"),
        bad("top_p -1", () -> ModelSettings.builder().topP(-1).build(), IllegalArgumentException.class,
            "topP must be between 0 and 1, got -1.0"),
        bad("frequency penalty 2.5", () -> ModelSettings.builder().frequencyPenalty(2.5).build(),
            IllegalArgumentException.class, "frequencyPenalty must be between -2 and 2, got 2.5"),
        bad("presence penalty -3", () -> ModelSettings.builder().presencePenalty(-3).build(),
            IllegalArgumentException.class, "presencePenalty must be between -2 and 2, got -3.0"),
        bad("zero output tokens", () -> ModelSettings.builder().maxOutputTokens(0).build(), IllegalArgumentException.class,
            "maxOutputTokens must be at least 1, got 0"),
        bad("five stop sequences", () -> ModelSettings.builder().stop(List.of("a", "b", "c", "d", "e")).build(),
            IllegalArgumentException.class, "stop takes at most 4 sequences, got 5"),
        bad("an empty stop sequence", () -> ModelSettings.builder().stop(List.of("")).build(),
            IllegalArgumentException.class, "stop sequences cannot be empty"),
        bad("an unknown reasoning summary", () -> ModelSettings.builder().reasoningSummary("verbose").build(),
            IllegalArgumentException.class, "reasoningSummary must be auto, concise or detailed, got verbose"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badModelSettings")
  void invalidModelSettingsNameTheFieldAndTheAllowedRange(String what, ThrowingCallable action,
      Class<? extends Throwable> type, String message) {
    assertThatThrownBy(() -> {
      ThrowingCallable buildThenRun = () -> {
        action.call();
        agent().run("never sent");
      };
      buildThenRun.call();
    }).isInstanceOf(type).hasMessage(message);
  }

  static Stream<Arguments> badPrices() {
    return Stream.of(
        bad("price that is not a number", () -> ModelPrice.perMillion("$1.25", "10"), IllegalArgumentException.class,
            "inputPerMillion is not a number: '$1.25' (expected dollars per 1M tokens, e.g. 0.265)"),
        bad("negative output price", () -> ModelPrice.perMillion("1.25", "-10"), IllegalArgumentException.class,
            "outputPerMillion cannot be negative, got -10"),
        bad("negative cached price", () -> ModelPrice.perMillion("1.25", "10").withCachedInput("-0.1"),
            IllegalArgumentException.class, "cachedInputPerMillion cannot be negative, got -0.1"),
        bad("null price", () -> ModelPrice.perMillion(null, "10"), NullPointerException.class, "inputPerMillion"),
        bad("price for a blank model", () -> Pricing.builder().price(" ", ModelPrice.perMillion("1", "2")),
            IllegalArgumentException.class, "model name is blank: name the model the price is for, e.g. gpt-5.1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPrices")
  void badPricesAreRejectedNamingTheField(String what, ThrowingCallable action, Class<? extends Throwable> type,
      String message) {
    assertThatThrownBy(action).isInstanceOf(type).hasMessage(message);
  }

  @Test
  void nullBlankEmptyAndOversizedInputsAreRejectedBeforeAnyRequest() {
    Agent agent = agent();
    assertThatThrownBy(() -> agent.run((String) null)).isInstanceOf(NullPointerException.class).hasMessage("input");
    assertThatThrownBy(() -> agent.run(" \n\t")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input is blank: pass the user's question or instruction");
    assertThatThrownBy(() -> agent.run(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input is empty: pass at least one message, e.g. UserMessage.of(\"...\")");
    List<Message> withNull = new ArrayList<>();
    withNull.add(UserMessage.of("Hi"));
    withNull.add(null);
    assertThatThrownBy(() -> agent.run(withNull)).isInstanceOf(NullPointerException.class);
    String huge = "x".repeat(1_000_001);
    assertThatThrownBy(() -> agent.run(huge)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input text is 1000001 characters; the limit is 1000000. Send large documents in parts or "
            + "summarise them first.");
    assertThatThrownBy(() -> agent.runAsync(huge)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> agent.runStreaming(huge, e -> { })).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> agent.run("Hi", null)).isInstanceOf(NullPointerException.class).hasMessage("outputType");
  }

  @Test
  void everyBadAgentSettingIsListedAtOnceWithItsRange() {
    assertThatThrownBy(() -> Agent.builder().client(client().build()).model(" ").maxTurns(0)
        .toolTimeout(Duration.ZERO).toolConcurrency(0).maxFailedToolTurns(0).toolCallLimits(0, -1)
        .runTimeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Agent cannot be built (7 problems):\n"
            + "- model is required: name the model, e.g. model(\"gpt-5.1\")\n"
            + "- maxTurns must be at least 1, got 0\n"
            + "- toolTimeout must be positive, got PT0S\n"
            + "- toolConcurrency must be at least 1, got 0\n"
            + "- maxFailedToolTurns must be at least 1, got 0\n"
            + "- toolCallLimits must be at least 1, got perTool=0, perRun=-1\n"
            + "- runTimeout must be positive, got PT-1S");
  }

  @Test
  void noCallerMistakeEchoesTheKey() {
    for (String bad : new String[] {Lab.KEY + "\n", "Bearer " + Lab.KEY, Lab.KEY + " ", "\u00a0" + Lab.KEY}) {
      assertThatThrownBy(() -> client().apiKey(bad).build()).isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> Canary.assertAbsent(e.getMessage()));
    }
    assertThatThrownBy(() -> client().header("Authorization", "Bearer " + Lab.KEY + "\n").build())
        .satisfies(e -> Canary.assertAbsent(e.getMessage()));
  }
}
