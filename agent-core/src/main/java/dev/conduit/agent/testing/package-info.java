/** Test support shipped in the main jar: {@link dev.conduit.agent.testing.ScriptedModel}. Nothing here is null. */
@NullMarked
package dev.conduit.agent.testing;

import org.jspecify.annotations.NullMarked;
