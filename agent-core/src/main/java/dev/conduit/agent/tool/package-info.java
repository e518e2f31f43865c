/**
 * Tools from annotated Java methods: {@link dev.conduit.agent.tool.Tool}, {@link
 * dev.conduit.agent.tool.Param}, and the {@link dev.conduit.agent.tool.Toolbox} that reads them once
 * into immutable {@link dev.conduit.agent.tool.ToolDefinition}s and runs the model's calls.
 * Nothing here is null.
 */
@NullMarked
package dev.conduit.agent.tool;

import org.jspecify.annotations.NullMarked;
