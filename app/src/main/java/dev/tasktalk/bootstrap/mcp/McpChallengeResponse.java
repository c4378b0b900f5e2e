package dev.tasktalk.bootstrap.mcp;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A {@code /mcp} response whose {@code WWW-Authenticate: Bearer} challenge (set by the auth filter
 * on a 401) names the resource metadata first, as MCP clients look for it (RFC 9728, section 5.1).
 */
final class McpChallengeResponse extends HttpServletResponseWrapper {

  private static final String HEADER = "WWW-Authenticate";

  private final String metadataUrl;

  McpChallengeResponse(HttpServletResponse response, String metadataUrl) {
    super(response);
    this.metadataUrl = metadataUrl;
  }

  @Override
  public void setHeader(String name, String value) {
    super.setHeader(name, amend(name, value));
  }

  @Override
  public void addHeader(String name, String value) {
    super.addHeader(name, amend(name, value));
  }

  private String amend(String name, String value) {
    if (!HEADER.equalsIgnoreCase(name) || value == null || value.contains("resource_metadata=")) {
      return value;
    }
    String trimmed = value.strip();
    if (!trimmed.regionMatches(true, 0, "Bearer", 0, 6)) {
      return value;
    }
    String params = trimmed.substring(6).strip();
    String metadata =
        "resource_metadata=\"" + metadataUrl.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    return "Bearer " + metadata + (params.isEmpty() ? "" : ", " + params);
  }
}
