package dev.conduit.agent.internal;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper Conduit's packages share. Not part of the public API: this package is not
 * exported and may change without notice.
 */
public final class Json {
  /** Thread-safe and immutable (Jackson 3 mappers are). Unknown fields are ignored: gateways add fields. */
  public static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private Json() {}
}
