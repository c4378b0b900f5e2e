/**
 * The MCP server publishing the task tools over Streamable HTTP, built on the official Java SDK.
 */
package dev.tasktalk.adapter.in.mcp;
