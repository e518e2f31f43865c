package dev.conduit.agent.message;

import static java.util.Objects.requireNonNull;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * An image inside a user message, as a URL the provider fetches or as inline bytes sent as a
 * {@code data:} URI.
 *
 * <pre>{@code
 * UserMessage.of(new TextPart("What is in this picture?"),
 *                ImagePart.fromUrl("https://example.com/cat.png"));
 * UserMessage.of(new TextPart("And this one?"), ImagePart.fromBytes(pngBytes, "image/png"));
 * }</pre>
 *
 * @param url an {@code http(s)://} URL or a {@code data:} URI
 * @param detail the optional detail hint: {@code low}, {@code high} or {@code auto}
 */
public record ImagePart(String url, Optional<String> detail) implements ContentPart {
  public ImagePart {
    requireNonNull(url, "url");
    requireNonNull(detail, "detail");
    String lower = url.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("data:"))) {
      throw new IllegalArgumentException(
          "image url must start with http://, https:// or data: (use ImagePart.fromBytes for raw bytes)");
    }
    detail.ifPresent(d -> {
      if (!d.equals("low") && !d.equals("high") && !d.equals("auto")) {
        throw new IllegalArgumentException("image detail must be low, high or auto, not: " + d);
      }
    });
  }

  public static ImagePart fromUrl(String url) {
    return new ImagePart(url, Optional.empty());
  }

  /** An image given as bytes, sent inline as {@code data:<mimeType>;base64,...}. */
  public static ImagePart fromBytes(byte[] bytes, String mimeType) {
    requireNonNull(bytes, "bytes");
    requireNonNull(mimeType, "mimeType");
    if (!mimeType.startsWith("image/")) {
      throw new IllegalArgumentException("mimeType must be an image type such as image/png, not: " + mimeType);
    }
    return new ImagePart("data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes), Optional.empty());
  }

  public ImagePart withDetail(String detail) {
    return new ImagePart(url, Optional.of(detail));
  }

  @Override
  public String toString() {
    // A data URI can be megabytes long: keep logs and assertion messages readable.
    String shown = url.length() > 80 ? url.substring(0, 60) + "...(" + url.length() + " chars)" : url;
    return "ImagePart[url=" + shown + ", detail=" + detail + "]";
  }
}
