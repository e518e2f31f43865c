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
  /** Elements set apart by a blank line. */
  private static final Set<String> PARAGRAPHS = Set.of(
      "p", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl",
      "table", "blockquote", "pre", "figure", "hr", "address", "details");
  /** Elements that start a new line. */
  private static final Set<String> LINES = Set.of("div", "li", "tr", "dt", "dd", "br", "figcaption", "summary");

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
          out.append(breakFor(element));
          if (element.normalName().equals("li")) {
            out.append("- ");
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        // <br> has no end: its one line break came with its start.
        if (node instanceof Element element && !element.normalName().equals("br")) {
          out.append(breakFor(element));
        }
      }
    });
    return new Extracted(title, tidy(out.toString()));
  }

  private static String breakFor(Element element) {
    String tag = element.normalName();
    return PARAGRAPHS.contains(tag) ? "\n\n" : LINES.contains(tag) ? "\n" : "";
  }

  static Extracted plain(byte[] body, @Nullable Charset declared) {
    // Plain text and JSON keep their layout: indentation can carry meaning there.
    return new Extracted("", new String(body, declared == null ? StandardCharsets.UTF_8 : declared).strip());
  }

  /**
   * Trims each line and keeps at most one blank line in a row. Only truly empty lines count as blank: a
   * line of spaces is the indentation between two tags, not a paragraph break.
   */
  static String tidy(String text) {
    StringBuilder out = new StringBuilder();
    int blank = 0;
    for (String line : text.split("\r\n|\r|\n", -1)) {
      String trimmed = line.replaceAll("[ \\t\\u00a0]+", " ").strip();
      if (trimmed.isEmpty()) {
        blank += line.isEmpty() ? 1 : 0;
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
