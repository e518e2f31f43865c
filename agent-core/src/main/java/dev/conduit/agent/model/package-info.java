/**
 * The seam between the agent loop and a provider: {@link dev.conduit.agent.model.ModelClient},
 * its request, response and settings, and the typed failures of a model call. Nothing here knows a
 * wire format. Nothing is null.
 */
@NullMarked
package dev.conduit.agent.model;

import org.jspecify.annotations.NullMarked;
