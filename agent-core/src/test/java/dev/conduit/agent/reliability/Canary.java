package dev.conduit.agent.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The sentinel key in every form it could leak in: raw, URL-encoded, base64 (also as in Basic auth). */
final class Canary {
  private Canary() {}

  static List<String> forms() {
    byte[] raw = Lab.KEY.getBytes(StandardCharsets.UTF_8);
    return List.of(Lab.KEY, URLEncoder.encode(Lab.KEY, StandardCharsets.UTF_8),
        Base64.getEncoder().encodeToString(raw), Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
        // the key's tail, which a partial echo ("...mK3sentinel") would still show
        Lab.KEY.substring(Lab.KEY.length() - 12));
  }

  static void assertAbsent(String text) {
    for (String form : forms()) {
      assertThat(text).as("a text exposed by the run").doesNotContain(form);
    }
  }
}
