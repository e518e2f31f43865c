/**
 * Weather tools over Open-Meteo: {@link dev.conduit.tools.weather.WeatherTools} and the records it
 * returns. Nothing here is null except the optional {@code @Param} arguments, which the model may leave out.
 */
@NullMarked
package dev.conduit.tools.weather;

import org.jspecify.annotations.NullMarked;
