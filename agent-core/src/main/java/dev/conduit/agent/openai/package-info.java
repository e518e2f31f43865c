/**
 * {@link dev.conduit.agent.openai.OpenAiClient}: the OpenAI-compatible HTTP client for Chat
 * Completions and Responses. Wire formats, SSE assembly, retries and error parsing are
 * package-private. Nothing is null across its public methods.
 */
@NullMarked
package dev.conduit.agent.openai;

import org.jspecify.annotations.NullMarked;
