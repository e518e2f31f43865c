package dev.conduit.agent.openai;

import static java.util.Objects.requireNonNull;

/**
 * The API key, kept out of every {@code toString}, log line and exception message. Checked once:
 * a key with a line break or space would otherwise end up echoed in an "invalid header" error.
 */
final class ApiKey {
  private final String value;

  private ApiKey(String value) {
    this.value = value;
  }

  static ApiKey of(String value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "apiKey is required: pass it with .apiKey(System.getenv(\"OPENAI_API_KEY\"))");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          "apiKey is blank: is the environment variable (e.g. OPENAI_API_KEY) set?");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n') {
        throw new IllegalArgumentException("apiKey contains a line break at position " + i
            + " (often a trailing newline from a file or an env var): strip() it before passing it");
      }
      if (c == ' ' || c == '\t') {
        throw new IllegalArgumentException("apiKey contains a space at position " + i
            + ": pass the bare key, without \"Bearer \" or surrounding whitespace");
      }
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException("apiKey contains a control or non-ASCII character at position " + i
            + ": copy the key again from the provider's dashboard");
      }
    }
    return new ApiKey(value);
  }

  String bearer() {
    return "Bearer " + value;
  }

  /** Replaces the key wherever a server echoed it back (error messages, logged bodies). */
  String scrub(String text) {
    requireNonNull(text, "text");
    return text.contains(value) ? text.replace(value, "****") : text;
  }

  @Override
  public String toString() {
    String tail = value.length() >= 12 ? value.substring(value.length() - 4) : "";
    return "ApiKey[****" + tail + "]";
  }
}
