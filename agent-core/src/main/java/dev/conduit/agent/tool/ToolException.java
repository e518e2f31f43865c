package dev.conduit.agent.tool;

/**
 * Thrown by a tool to tell the model what went wrong, in words meant for the model.
 *
 * <p>Other exceptions are reported to the model only by their type, because their messages may hold
 * paths, hosts or secrets; a {@code ToolException}'s message is sent as it is.
 *
 * <pre>{@code
 * @Tool("Current weather for a city")
 * public Weather weather(@Param("City name") String city) {
 *   Place place = geocoder.find(city)
 *       .orElseThrow(() -> new ToolException("No place named '" + city + "'. Try a larger city nearby."));
 *   ...
 * }
 * }</pre>
 */
public class ToolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ToolException(String messageForModel) {
    super(messageForModel);
  }

  public ToolException(String messageForModel, Throwable cause) {
    super(messageForModel, cause);
  }
}
