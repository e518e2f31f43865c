/**
 * Reading web pages for the model, safely: {@link dev.conduit.tools.web.FetchPageTools}, its
 * {@link dev.conduit.tools.web.UrlPolicy} and the {@link dev.conduit.tools.web.WebPage} it returns.
 * Nothing here is null.
 */
@NullMarked
package dev.conduit.tools.web;

import org.jspecify.annotations.NullMarked;
