/** Prices per model and the cost of a run. Nothing here is null. */
@NullMarked
package dev.conduit.agent.pricing;

import org.jspecify.annotations.NullMarked;
