package dev.conduit.agent.model;

import java.util.Optional;

/**
 * The provider answered with an error status, or reported an error inside a stream.
 *
 * <pre>{@code
 * try { agent.run(question); }
 * catch (ModelApiException e) { log.warn("model failed: {} {} {}", e.statusCode(), e.code(), e.requestId()); }
 * }</pre>
 */
public class ModelApiException extends ModelException {
  private static final long serialVersionUID = 1L;
  private final int statusCode;
  private final Optional<String> errorType;
  private final Optional<String> code;
  private final Optional<String> param;

  public ModelApiException(
      String message,
      int statusCode,
      Optional<String> errorType,
      Optional<String> code,
      Optional<String> param,
      Optional<String> requestId) {
    super(message, requestId, null);
    this.statusCode = statusCode;
    this.errorType = errorType;
    this.code = code;
    this.param = param;
  }

  /** The HTTP status, or 200 for an error reported inside a stream. */
  public int statusCode() {
    return statusCode;
  }

  /** {@code error.type}, e.g. {@code invalid_request_error}. */
  public Optional<String> errorType() {
    return errorType;
  }

  /** {@code error.code}, e.g. {@code context_length_exceeded}. */
  public Optional<String> code() {
    return code;
  }

  /** {@code error.param}: the request field at fault. */
  public Optional<String> param() {
    return param;
  }
}
