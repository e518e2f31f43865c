/** Guice bindings for Conduit. Guice is an optional dependency: only this package needs it. */
@NullMarked
package dev.conduit.agent.guice;

import org.jspecify.annotations.NullMarked;
