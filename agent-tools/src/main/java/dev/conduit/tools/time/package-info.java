/**
 * Date and time tools: {@link dev.conduit.tools.time.ClockTools}. Nothing here is null except the
 * optional {@code @Param} arguments, which the model may leave out.
 */
@NullMarked
package dev.conduit.tools.time;

import org.jspecify.annotations.NullMarked;
