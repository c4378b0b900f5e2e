package dev.tasktalk.adapter.in.rest.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;

/**
 * Refuses a body in a charset this JVM does not know with the usual JSON 415 before any resource
 * runs. Left alone, the JAX-RS runtime fails on it while reading the entity, which surfaces as a
 * 500.
 */
@Provider
@PreMatching
public class CharsetFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    String problem = problem(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
    if (problem != null) {
      request.abortWith(ErrorResponses.of(415, "unsupported_media_type", problem));
    }
  }

  /** What is wrong with the charset a {@code Content-Type} names, or null when nothing is. */
  static String problem(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.split("=", 2);
      if (pair.length == 2 && pair[0].strip().toLowerCase(Locale.ROOT).equals("charset")) {
        String charset = pair[1].strip().replace("\"", "");
        if (!isSupported(charset)) {
          return "the charset '" + printable(charset) + "' is not supported; send UTF-8";
        }
      }
    }
    return null;
  }

  private static boolean isSupported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }

  /**
   * At most 40 visible ASCII characters of a client's value, so an echo cannot carry anything odd.
   */
  private static String printable(String value) {
    String visible = value.replaceAll("[^\\x21-\\x7e]", "?");
    return visible.length() > 40 ? visible.substring(0, 40) + "..." : visible;
  }
}
