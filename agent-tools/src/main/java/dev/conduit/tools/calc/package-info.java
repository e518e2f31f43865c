/**
 * A safe calculator tool: {@link dev.conduit.tools.calc.CalculatorTools}. Nothing here is null.
 */
@NullMarked
package dev.conduit.tools.calc;

import org.jspecify.annotations.NullMarked;
