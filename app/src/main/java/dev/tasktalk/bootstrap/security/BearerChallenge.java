package dev.tasktalk.bootstrap.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code WWW-Authenticate: Bearer} challenge (RFC 6750, section 3) with its auth-params in order,
 * e.g. {@code error}, {@code error_description}, or the {@code resource_metadata} that MCP clients
 * look for.
 */
public final class BearerChallenge {

  private final List<String> params;

  private BearerChallenge(List<String> params) {
    this.params = List.copyOf(params);
  }

  public static BearerChallenge bearer() {
    return new BearerChallenge(List.of());
  }

  /**
   * This challenge plus one auth-param; the value is quoted and stripped of anything unsafe in a
   * header.
   */
  public BearerChallenge with(String name, String value) {
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("not a valid auth-param name: " + name);
    }
    List<String> more = new ArrayList<>(params);
    more.add(name + "=\"" + quote(Objects.requireNonNull(value, "value")) + "\"");
    return new BearerChallenge(more);
  }

  public String headerValue() {
    return params.isEmpty() ? "Bearer" : "Bearer " + String.join(", ", params);
  }

  @Override
  public String toString() {
    return headerValue();
  }

  private static String quote(String value) {
    StringBuilder quoted = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      if (c < 0x20 || c > 0x7e) {
        continue; // control characters would break the header; RFC 6750 values are printable ASCII
      }
      if (c == '"' || c == '\\') {
        quoted.append('\\');
      }
      quoted.append(c);
    }
    return quoted.toString();
  }
}
