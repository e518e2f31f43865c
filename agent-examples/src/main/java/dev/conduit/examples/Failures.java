package dev.conduit.examples;

import dev.conduit.agent.AgentException;
import dev.conduit.agent.MaxTurnsExceededException;
import dev.conduit.agent.ModelCallException;
import dev.conduit.agent.RunCancelledException;
import dev.conduit.agent.model.ModelApiException;
import dev.conduit.agent.model.ModelConnectionException;
import dev.conduit.agent.model.ModelException;
import dev.conduit.agent.model.ModelTimeoutException;
import dev.conduit.agent.model.QuotaExceededException;
import dev.conduit.agent.model.RateLimitedException;

/**
 * Turns a failure into one line that says what went wrong and what to do, for the terminal and for
 * the service's error bodies. The library's messages never contain the API key, and neither do these.
 */
final class Failures {
  private Failures() {}

  static String describe(Throwable failure) {
    Throwable t = failure instanceof ModelCallException m ? m.getCause() : failure;
    String message = oneLine(t.getMessage());
    if (t instanceof QuotaExceededException) {
      return message + " Fix: add credit or raise the spending limit of this account, or use another key.";
    }
    if (t instanceof RateLimitedException) {
      return message + " Fix: wait a little and try again, or lower the request rate.";
    }
    if (t instanceof ModelApiException api) {
      return message + fixFor(api.statusCode());
    }
    if (t instanceof ModelConnectionException) {
      return message + " Fix: check --base-url (or OPENAI_BASE_URL) and your network connection.";
    }
    if (t instanceof ModelTimeoutException) {
      return message + " Fix: try again; if it keeps happening, check the gateway's status.";
    }
    if (t instanceof ModelException) {
      return message;
    }
    if (t instanceof MaxTurnsExceededException) {
      return message + " Fix: raise --max-turns, or ask a narrower question.";
    }
    if (t instanceof RunCancelledException || t instanceof AgentException) {
      return message;
    }
    if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
      return message;
    }
    return t.getClass().getSimpleName() + ": " + message;
  }

  private static String fixFor(int status) {
    switch (status) {
      case 401:
        return " Fix: check the API key (OPENAI_API_KEY or --api-key).";
      case 403:
        return " Fix: this key may not use this model or endpoint; check the account's permissions.";
      case 404:
        return " Fix: check --model and --base-url; a gateway without the Responses API needs --endpoint chat.";
      case 400:
      case 422:
        return " Fix: the gateway rejected the request; check --model and --endpoint for this gateway.";
      default:
        return status >= 500 ? " Fix: the provider is failing; try again later or set --fallback-base-url." : "";
    }
  }

  static String oneLine(String text) {
    if (text == null || text.isBlank()) {
      return "(no message)";
    }
    return text.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
