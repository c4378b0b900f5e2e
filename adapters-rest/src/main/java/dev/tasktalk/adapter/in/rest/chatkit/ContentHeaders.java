package dev.tasktalk.adapter.in.rest.chatkit;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Response headers for serving a stored file back to its owner. Users choose file names and types,
 * so names are cleaned for the header and types a browser would run as a page are downloaded, not
 * shown.
 */
final class ContentHeaders {

  private static final int MAX_NAME = 200;
  private static final Set<String> ACTIVE_TYPES =
      Set.of(
          "text/html",
          "application/xhtml+xml",
          "image/svg+xml",
          "text/xml",
          "application/xml",
          "text/javascript",
          "application/javascript");

  private ContentHeaders() {}

  /** The stored type, or a neutral one when nothing usable was stored. */
  static String contentType(String stored) {
    return stored == null
            || stored.isBlank()
            || stored.indexOf('\n') >= 0
            || stored.indexOf('\r') >= 0
        ? "application/octet-stream"
        : stored.strip();
  }

  /** {@code inline; filename="…"} (plus {@code filename*} for non-ASCII names). */
  static String disposition(String name, String type) {
    String clean = clean(name);
    String ascii = ascii(clean);
    String disposition =
        (isActive(type) ? "attachment" : "inline") + "; filename=\"" + ascii + "\"";
    return ascii.equals(clean) ? disposition : disposition + "; filename*=UTF-8''" + encode(clean);
  }

  /** Scripts in an uploaded page or SVG must not run with this site's origin. */
  static boolean isActive(String type) {
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return ACTIVE_TYPES.contains(media) || media.endsWith("+xml");
  }

  private static String clean(String name) {
    String base =
        name == null
            ? ""
            : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder out = new StringBuilder();
    base.codePoints().filter(c -> !Character.isISOControl(c)).forEach(out::appendCodePoint);
    String stripped = out.toString().strip();
    if (stripped.isEmpty()) {
      return "attachment";
    }
    return stripped.length() > MAX_NAME ? stripped.substring(0, MAX_NAME) : stripped;
  }

  private static String ascii(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      boolean safe = c < 0x7f && (Character.isLetterOrDigit(c) || " ._-()+,".indexOf(c) >= 0);
      out.append(safe ? c : '_');
    }
    return out.toString();
  }

  /**
   * RFC 5987 {@code ext-value} encoding: attr-chars as they are, everything else as %XX of UTF-8.
   */
  private static String encode(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x7f && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
