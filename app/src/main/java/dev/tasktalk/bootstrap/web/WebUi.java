package dev.tasktalk.bootstrap.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Which chat the page shows, and the Content-Security-Policy that goes with it. {@code TASKTALK_UI}
 * unset (or {@code builtin}) keeps the page's own chat, same-origin only. {@code
 * TASKTALK_UI=chatkit} makes the page load OpenAI's {@code <openai-chatkit>} element from {@code
 * CHATKIT_SCRIPT_URL} (default {@link #DEFAULT_SCRIPT_URL}; a mirror may be used) and point it at
 * our {@code /chatkit}; only then does the policy admit that script's origin, for {@code
 * script-src}, {@code connect-src} and {@code frame-src}. The page learns the mode from a {@code
 * <meta name="tasktalk-ui">} injected into its head, and falls back to its own chat when the script
 * cannot load.
 *
 * @param chatkit whether the page should load ChatKit's element
 * @param scriptUrl the element's script, absolute http(s); null when {@code chatkit} is false
 * @param domainKey the ChatKit domain key handed to the element ({@code CHATKIT_DOMAIN_KEY})
 */
public record WebUi(boolean chatkit, URI scriptUrl, String domainKey) {

  private static final Logger LOG = Logger.getLogger(WebUi.class.getName());

  public static final String MODE_KEY = "TASKTALK_UI";
  public static final String SCRIPT_KEY = "CHATKIT_SCRIPT_URL";
  public static final String DOMAIN_KEY_KEY = "CHATKIT_DOMAIN_KEY";
  public static final String DEFAULT_SCRIPT_URL =
      "https://cdn.platform.openai.com/deployments/chatkit/chatkit.js";
  public static final String DEFAULT_DOMAIN_KEY = "domain_pk_localhost_dev";

  /** The page's own chat: everything same-origin. */
  public static final WebUi BUILTIN = new WebUi(false, null, DEFAULT_DOMAIN_KEY);

  static final String CSP_TEMPLATE =
      "default-src 'self'; script-src 'self'%1$s; style-src 'self'; img-src 'self' data: blob:;"
          + " connect-src 'self'%1$s; %2$sobject-src 'none'; base-uri 'none'; frame-ancestors"
          + " 'none'; form-action 'self'";

  public static WebUi from(Config config) {
    return of(
        config.getOptionalValue(MODE_KEY, String.class),
        config.getOptionalValue(SCRIPT_KEY, String.class),
        config.getOptionalValue(DOMAIN_KEY_KEY, String.class));
  }

  /**
   * Decides from the raw settings. An unknown mode, or a script URL that is not absolute http(s),
   * is logged and leaves the page's own chat in place rather than failing every page load.
   */
  public static WebUi of(
      Optional<String> mode, Optional<String> scriptUrl, Optional<String> domainKey) {
    String m = mode.map(String::strip).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
    if (m.isEmpty() || m.equals("builtin") || m.equals("default")) {
      return BUILTIN;
    }
    if (!m.equals("chatkit")) {
      LOG.warning(
          () ->
              MODE_KEY
                  + "="
                  + mode.get()
                  + " is not one of builtin, chatkit; using the built-in chat");
      return BUILTIN;
    }
    String raw = scriptUrl.map(String::strip).filter(s -> !s.isEmpty()).orElse(DEFAULT_SCRIPT_URL);
    URI uri = scriptUri(raw);
    if (uri == null) {
      LOG.warning(
          SCRIPT_KEY
              + " is not an absolute http(s) URL without credentials; using the built-in chat");
      return BUILTIN;
    }
    String key = domainKey.map(String::strip).filter(s -> !s.isEmpty()).orElse(DEFAULT_DOMAIN_KEY);
    return new WebUi(true, uri, key);
  }

  private static URI scriptUri(String raw) {
    try {
      URI uri = new URI(raw);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http"))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // falls through
    }
    return null;
  }

  /**
   * {@code scheme://host[:port]} of the script, as CSP source expressions name it; null if none.
   */
  public String scriptOrigin() {
    if (!chatkit) {
      return null;
    }
    String scheme = scriptUrl.getScheme().toLowerCase(Locale.ROOT);
    String host = scriptUrl.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + (scriptUrl.getPort() == -1 ? "" : ":" + scriptUrl.getPort());
  }

  /** The page's Content-Security-Policy: same-origin, plus the script's origin in chatkit mode. */
  public String csp() {
    if (!chatkit) {
      return String.format(CSP_TEMPLATE, "", "");
    }
    String origin = scriptOrigin();
    return String.format(CSP_TEMPLATE, " " + origin, "frame-src " + origin + "; ");
  }

  /**
   * The page as served: unchanged for the built-in chat; in chatkit mode with a {@code <meta
   * name="tasktalk-ui" content="chatkit" data-script-url data-domain-key>} right after {@code
   * <head>}.
   */
  public byte[] page(byte[] index) {
    if (!chatkit) {
      return index;
    }
    String html = new String(index, StandardCharsets.UTF_8);
    String meta =
        "\n<meta name=\"tasktalk-ui\" content=\"chatkit\" data-script-url=\""
            + attr(scriptUrl.toString())
            + "\" data-domain-key=\""
            + attr(domainKey)
            + "\">";
    int head = html.indexOf("<head>");
    String out =
        head < 0 ? meta + html : html.substring(0, head + 6) + meta + html.substring(head + 6);
    return out.getBytes(StandardCharsets.UTF_8);
  }

  private static String attr(String value) {
    return value
        .replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
