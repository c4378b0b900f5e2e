package dev.tasktalk.bootstrap.mcp;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which protocol era a {@code /mcp} request belongs to. Revision 2026-07-28 ("modern") is chosen by
 * its {@code MCP-Protocol-Version} header, or by a body that only a modern client sends: a {@code
 * server/discover} request or one carrying the protocol version in {@code _meta} (so a request with
 * missing or contradicting headers still gets the modern revision's header errors). Everything else
 * is classic (initialize and sessions, up to 2025-11-25).
 */
enum McpRevision {
  CLASSIC,
  MODERN;

  static final String MODERN_VERSION = "2026-07-28";
  static final Set<String> SUPPORTED =
      Set.of(MODERN_VERSION, "2025-11-25", "2025-06-18", "2025-03-26");
  static final List<String> SUPPORTED_LIST =
      List.of(MODERN_VERSION, "2025-11-25", "2025-06-18", "2025-03-26");
  static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";
  static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";

  /**
   * The request attribute holding the parsed JSON-RPC body of a POST (absent when it did not
   * parse).
   */
  static final String MESSAGE_ATTRIBUTE = McpRevision.class.getName() + ".message";

  static McpRevision of(HttpServletRequest request) {
    String version = request.getHeader(PROTOCOL_VERSION_HEADER);
    if (version != null && MODERN_VERSION.equals(version.strip())) {
      return MODERN;
    }
    if (request.getAttribute(MESSAGE_ATTRIBUTE) instanceof JsonNode message && message.isObject()) {
      if ("server/discover".equals(message.path("method").asString(""))) {
        return MODERN;
      }
      if (message.path("params").path("_meta").has(META_VERSION)) {
        return MODERN;
      }
    }
    return CLASSIC;
  }
}
