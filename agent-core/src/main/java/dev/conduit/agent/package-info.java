/**
 * The agent: {@link dev.conduit.agent.Agent}, its results, events, listeners and the exceptions that
 * end a run. Nothing here is null: absent values are {@link java.util.Optional} or empty.
 */
@NullMarked
package dev.conduit.agent;

import org.jspecify.annotations.NullMarked;
