package dev.tasktalk.application.port.out.persistence;

import dev.tasktalk.domain.agent.ToolCallRecord;

/** Keeps a row per tool call, from chats and from MCP alike. */
public interface ToolCallRepository {

  void record(ToolCallRecord call);
}
