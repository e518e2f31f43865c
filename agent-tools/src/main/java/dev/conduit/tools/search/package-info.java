/**
 * Web search: {@link dev.conduit.tools.search.SearchTools} over a pluggable
 * {@link dev.conduit.tools.search.SearchProvider}, with Brave, Tavily and SearXNG providers from
 * {@link dev.conduit.tools.search.SearchProviders}. Nothing here is null except the optional
 * {@code @Param} arguments, which the model may leave out.
 */
@NullMarked
package dev.conduit.tools.search;

import org.jspecify.annotations.NullMarked;
