package dev.conduit.agent.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Sampling, limits and output format for model calls. Every field is optional: an unset field is
 * left out of the request, so the provider's default applies. Values are checked when built, against
 * the ranges the OpenAI API accepts.
 *
 * <pre>{@code
 * ModelSettings settings = ModelSettings.builder()
 *     .temperature(0.2)
 *     .maxOutputTokens(800)
 *     .tokenLimitParameter(TokenLimitParameter.MAX_TOKENS)   // for gateways that document max_tokens
 *     .stop(List.of("END"))
 *     .build();
 * }</pre>
 *
 * @param temperature 0 to 2
 * @param topP 0 to 1
 * @param frequencyPenalty -2 to 2
 * @param presencePenalty -2 to 2
 * @param maxOutputTokens at least 1
 * @param tokenLimitParameter the Chat Completions field that carries {@code maxOutputTokens}
 * @param stop up to 4 stop sequences (Chat Completions only)
 * @param responseFormat text (default), JSON mode, or a JSON schema
 * @param reasoningEffort for reasoning models
 * @param reasoningSummary Responses reasoning summary: {@code auto}, {@code concise} or {@code detailed}
 * @param toolChoice auto, none, required, or one named tool
 * @param parallelToolCalls whether the model may call several tools in one turn
 * @param store Responses: whether the provider stores the response (needed for {@code previous_response_id})
 */
public record ModelSettings(
    Optional<Double> temperature,
    Optional<Double> topP,
    Optional<Double> frequencyPenalty,
    Optional<Double> presencePenalty,
    Optional<Integer> maxOutputTokens,
    TokenLimitParameter tokenLimitParameter,
    List<String> stop,
    ResponseFormat responseFormat,
    Optional<ReasoningEffort> reasoningEffort,
    Optional<String> reasoningSummary,
    Optional<ToolChoice> toolChoice,
    Optional<Boolean> parallelToolCalls,
    Optional<Boolean> store) {

  private static final ModelSettings DEFAULTS = builder().build();

  public ModelSettings {
    requireNonNull(temperature, "temperature");
    requireNonNull(topP, "topP");
    requireNonNull(frequencyPenalty, "frequencyPenalty");
    requireNonNull(presencePenalty, "presencePenalty");
    requireNonNull(maxOutputTokens, "maxOutputTokens");
    requireNonNull(tokenLimitParameter, "tokenLimitParameter");
    stop = List.copyOf(requireNonNull(stop, "stop"));
    requireNonNull(responseFormat, "responseFormat");
    requireNonNull(reasoningEffort, "reasoningEffort");
    requireNonNull(reasoningSummary, "reasoningSummary");
    requireNonNull(toolChoice, "toolChoice");
    requireNonNull(parallelToolCalls, "parallelToolCalls");
    requireNonNull(store, "store");
    checkRange("temperature", temperature, 0, 2);
    checkRange("topP", topP, 0, 1);
    checkRange("frequencyPenalty", frequencyPenalty, -2, 2);
    checkRange("presencePenalty", presencePenalty, -2, 2);
    maxOutputTokens.ifPresent(m -> {
      if (m < 1) {
        throw new IllegalArgumentException("maxOutputTokens must be at least 1, got " + m);
      }
    });
    if (stop.size() > 4) {
      throw new IllegalArgumentException("stop takes at most 4 sequences, got " + stop.size());
    }
    for (String s : stop) {
      if (s.isEmpty()) {
        throw new IllegalArgumentException("stop sequences cannot be empty");
      }
    }
    reasoningSummary.ifPresent(s -> {
      if (!s.equals("auto") && !s.equals("concise") && !s.equals("detailed")) {
        throw new IllegalArgumentException("reasoningSummary must be auto, concise or detailed, got " + s);
      }
    });
  }

  private static void checkRange(String field, Optional<Double> value, double min, double max) {
    value.ifPresent(v -> {
      if (!(v >= min && v <= max)) { // also rejects NaN
        throw new IllegalArgumentException(field + " must be between " + fmt(min) + " and " + fmt(max) + ", got " + v);
      }
    });
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** No setting: the provider's defaults, free text output. */
  public static ModelSettings defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ModelSettings}; {@link #build()} checks every value. */
  public static final class Builder {
    private Optional<Double> temperature = Optional.empty();
    private Optional<Double> topP = Optional.empty();
    private Optional<Double> frequencyPenalty = Optional.empty();
    private Optional<Double> presencePenalty = Optional.empty();
    private Optional<Integer> maxOutputTokens = Optional.empty();
    private TokenLimitParameter tokenLimitParameter = TokenLimitParameter.MAX_COMPLETION_TOKENS;
    private List<String> stop = List.of();
    private ResponseFormat responseFormat = ResponseFormat.text();
    private Optional<ReasoningEffort> reasoningEffort = Optional.empty();
    private Optional<String> reasoningSummary = Optional.empty();
    private Optional<ToolChoice> toolChoice = Optional.empty();
    private Optional<Boolean> parallelToolCalls = Optional.empty();
    private Optional<Boolean> store = Optional.empty();

    private Builder() {}

    private Builder(ModelSettings s) {
      temperature = s.temperature;
      topP = s.topP;
      frequencyPenalty = s.frequencyPenalty;
      presencePenalty = s.presencePenalty;
      maxOutputTokens = s.maxOutputTokens;
      tokenLimitParameter = s.tokenLimitParameter;
      stop = s.stop;
      responseFormat = s.responseFormat;
      reasoningEffort = s.reasoningEffort;
      reasoningSummary = s.reasoningSummary;
      toolChoice = s.toolChoice;
      parallelToolCalls = s.parallelToolCalls;
      store = s.store;
    }

    public Builder temperature(double temperature) {
      this.temperature = Optional.of(temperature);
      return this;
    }

    public Builder topP(double topP) {
      this.topP = Optional.of(topP);
      return this;
    }

    public Builder frequencyPenalty(double frequencyPenalty) {
      this.frequencyPenalty = Optional.of(frequencyPenalty);
      return this;
    }

    public Builder presencePenalty(double presencePenalty) {
      this.presencePenalty = Optional.of(presencePenalty);
      return this;
    }

    public Builder maxOutputTokens(int maxOutputTokens) {
      this.maxOutputTokens = Optional.of(maxOutputTokens);
      return this;
    }

    public Builder tokenLimitParameter(TokenLimitParameter tokenLimitParameter) {
      this.tokenLimitParameter = requireNonNull(tokenLimitParameter, "tokenLimitParameter");
      return this;
    }

    public Builder stop(List<String> stop) {
      this.stop = requireNonNull(stop, "stop");
      return this;
    }

    public Builder responseFormat(ResponseFormat responseFormat) {
      this.responseFormat = requireNonNull(responseFormat, "responseFormat");
      return this;
    }

    public Builder reasoningEffort(ReasoningEffort reasoningEffort) {
      this.reasoningEffort = Optional.of(reasoningEffort);
      return this;
    }

    public Builder reasoningSummary(String reasoningSummary) {
      this.reasoningSummary = Optional.of(reasoningSummary);
      return this;
    }

    public Builder toolChoice(ToolChoice toolChoice) {
      this.toolChoice = Optional.of(toolChoice);
      return this;
    }

    public Builder parallelToolCalls(boolean parallelToolCalls) {
      this.parallelToolCalls = Optional.of(parallelToolCalls);
      return this;
    }

    public Builder store(boolean store) {
      this.store = Optional.of(store);
      return this;
    }

    public ModelSettings build() {
      return new ModelSettings(
          temperature, topP, frequencyPenalty, presencePenalty, maxOutputTokens, tokenLimitParameter,
          stop, responseFormat, reasoningEffort, reasoningSummary, toolChoice, parallelToolCalls, store);
    }
  }
}
