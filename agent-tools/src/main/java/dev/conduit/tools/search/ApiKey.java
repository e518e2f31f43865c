package dev.conduit.tools.search;

/** A provider key that never shows itself: toString() gives only its last four characters. */
final class ApiKey {
  private final String value;

  private ApiKey(String value) {
    this.value = value;
  }

  /**
   * Checks a key without ever echoing it: a key with a line break or space would corrupt the header it is
   * sent in, and some HTTP stacks print the offending header value.
   */
  static ApiKey of(String value, String provider, String variable) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          "The " + provider + " API key is empty: pass the key, or set " + variable + " and use "
              + "SearchProviders.fromEnvironment.");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        throw new IllegalArgumentException("The " + provider + " API key contains whitespace or a control "
            + "character at position " + (i + 1) + ": copy the key again without it.");
      }
    }
    return new ApiKey(value);
  }

  String value() {
    return value;
  }

  /** Removes the key from a text that came back from a provider, in case it echoes request data. */
  String scrub(String text) {
    return text.replace(value, "****");
  }

  @Override
  public String toString() {
    return value.length() <= 8 ? "ApiKey[****]" : "ApiKey[****" + value.substring(value.length() - 4) + "]";
  }
}
