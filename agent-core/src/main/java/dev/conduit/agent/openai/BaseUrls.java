package dev.conduit.agent.openai;

import java.util.Locale;
import okhttp3.HttpUrl;

/** Checks of the builder's URLs and headers, each failing with the problem and its fix. */
final class BaseUrls {
  private BaseUrls() {}

  static HttpUrl parse(String field, String value) {
    String v = value.strip();
    if (v.isEmpty()) {
      throw new IllegalArgumentException(field + " is blank (expected e.g. https://api.openai.com/v1)");
    }
    int colon = v.indexOf("://");
    if (colon < 0) {
      throw new IllegalArgumentException(field + " has no scheme: " + v + " (expected http:// or https://)");
    }
    String scheme = v.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          field + " has an unsupported scheme: " + v + " (expected http:// or https://)");
    }
    HttpUrl url = HttpUrl.parse(v);
    if (url == null) {
      throw new IllegalArgumentException(
          field + " is not a valid URL: " + v + " (expected e.g. https://api.openai.com/v1)");
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw new IllegalArgumentException(field + " must not contain a user name or password: "
          + "pass the key with apiKey(...) and any other credential with header(...)");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException(field + " must not have a query or fragment: " + url.newBuilder()
          .query(null).fragment(null).build() + " is the base, and the endpoint path is appended to it");
    }
    return url;
  }

  /** OkHttp's own check would echo the value, which may be a secret. */
  static void checkHeader(String name, String value) {
    if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ':')) {
      throw new IllegalArgumentException("header name is not a valid HTTP token: \"" + name + "\"");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c >= 0x7f) {
        throw new IllegalArgumentException("the value of header " + name + " has a control or non-ASCII character "
            + "at position " + i + " (a trailing newline?): strip() it");
      }
    }
  }
}
