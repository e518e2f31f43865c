/**
 * Code the tool packages share. Not part of the public API: it may change without notice.
 */
@NullMarked
package dev.conduit.tools.internal;

import org.jspecify.annotations.NullMarked;
