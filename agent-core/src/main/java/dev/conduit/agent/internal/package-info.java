/**
 * Code shared between Conduit's packages. Not public API: do not use it from outside Conduit.
 */
@NullMarked
package dev.conduit.agent.internal;

import org.jspecify.annotations.NullMarked;
