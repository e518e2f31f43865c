package dev.conduit.agent.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one parameter of a {@link Tool} method.
 *
 * <pre>{@code
 * @Tool("Forecast for the next days")
 * public Forecast forecast(@Param("City name") String city,
 *                          @Param(value = "Number of days, 1 to 16", required = false) Integer days) { ... }
 * }</pre>
 *
 * <p>An optional parameter receives {@code null} (or {@code Optional.empty()}) when the model leaves it
 * out; in strict mode it is sent to the model as a nullable type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {
  /** What the parameter means, for the model. */
  String value() default "";

  /** The parameter's name in the JSON arguments; defaults to the Java parameter name. */
  String name() default "";

  /** Whether the model must supply it. */
  boolean required() default true;
}
