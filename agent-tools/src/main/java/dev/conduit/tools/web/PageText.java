package dev.conduit.tools.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** Reduces a page to its readable text: HTML loses markup, scripts and navigation; other text stays as is. */
final class PageText {
  /** Elements that never carry readable content. */
  private static final String NOISE =
      "script, style, noscript, template, svg, canvas, iframe, object, embed, nav, footer, aside, form, button";
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
      "table", "tr", "blockquote", "pre", "dl", "dt", "dd", "figure", "figcaption", "hr", "address", "details",
      "summary");

  record Extracted(String title, String text) {}

  private PageText() {}

  static Extracted html(byte[] body, @Nullable Charset declared, String baseUrl) {
    Document doc;
    try {
      // With no declared charset jsoup looks for a BOM or <meta charset>, then falls back to UTF-8.
      doc = Jsoup.parse(new ByteArrayInputStream(body), declared == null ? null : declared.name(), baseUrl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String title = doc.title().strip();
    doc.select(NOISE).remove();
    Element root = doc.selectFirst("main, article");
    if (root == null) {
      root = doc.body();
    }
    if (title.isEmpty()) {
      Element h1 = doc.selectFirst("h1");
      title = h1 == null ? "" : h1.text().strip();
    }
    StringBuilder out = new StringBuilder();
    root.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          out.append(text.text());
        } else if (node instanceof Element element) {
          String tag = element.normalName();
          if (tag.equals("br") || BLOCKS.contains(tag)) {
            out.append('\n');
          }
          if (tag.equals("li")) {
            out.append("- ");
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
          out.append('\n');
        }
      }
    });
    return new Extracted(title, tidy(out.toString()));
  }

  static Extracted plain(byte[] body, @Nullable Charset declared) {
    return new Extracted("", tidy(new String(body, declared == null ? StandardCharsets.UTF_8 : declared)));
  }

  /** Trims each line and keeps at most one blank line in a row. */
  static String tidy(String text) {
    StringBuilder out = new StringBuilder();
    int blank = 0;
    for (String line : text.split("\r\n|\r|\n", -1)) {
      String trimmed = line.replaceAll("[ \\t\\u00a0]+", " ").strip();
      if (trimmed.isEmpty()) {
        blank++;
        continue;
      }
      if (out.length() > 0) {
        out.append(blank > 0 ? "\n\n" : "\n");
      }
      out.append(trimmed);
      blank = 0;
    }
    return out.toString();
  }
}
