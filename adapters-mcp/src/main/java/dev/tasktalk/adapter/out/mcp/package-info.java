/**
 * The MCP client side: external MCP servers (configured in {@code MCP_SERVERS}) whose tools the
 * agent may use, each as a {@link dev.tasktalk.application.tools.Toolbox} that never fails a chat
 * when its server is down or slow.
 */
package dev.tasktalk.adapter.out.mcp;
