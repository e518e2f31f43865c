package dev.conduit.agent.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as a tool the model may call.
 *
 * <pre>{@code
 * public class WeatherTools {
 *   @Tool("Get the current weather for a location")
 *   public Weather currentWeather(@Param("City name, e.g. Tokyo") String location) { ... }
 * }
 * }</pre>
 *
 * <p>The method's parameters become the tool's JSON schema; see {@link Param}. A method that cannot
 * be turned into a tool makes {@link Toolbox#of} fail with a message naming the fix.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {
  /** What the tool does, for the model. Required: a tool the model cannot understand is not called well. */
  String value();

  /** The tool's name as the model sees it; defaults to the method name. Must match {@code ^[a-zA-Z0-9_-]{1,64}$}. */
  String name() default "";

  /**
   * Whether the tool is sent with OpenAI's {@code strict: true}, so that the model's arguments always
   * match the schema. A schema strict mode cannot express (a {@code Map} parameter, say) makes the
   * tool non-strict anyway, with an INFO log line saying why.
   */
  boolean strict() default true;
}
