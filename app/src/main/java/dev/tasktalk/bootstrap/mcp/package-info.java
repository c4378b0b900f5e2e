/**
 * Hosts the MCP server in the WAR: the SDK's Streamable HTTP servlet at {@code /mcp}, its request
 * guards (Host/Origin, protocol version, Accept, size, scopes) and the RFC 9728 resource metadata.
 */
package dev.tasktalk.bootstrap.mcp;
