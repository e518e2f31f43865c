/**
 * The provider-neutral conversation: {@link dev.conduit.agent.message.Message} and its records.
 * Nothing here knows a wire format. All values are immutable; nothing is null (absent values are
 * {@link java.util.Optional} or empty).
 */
@NullMarked
package dev.conduit.agent.message;

import org.jspecify.annotations.NullMarked;
