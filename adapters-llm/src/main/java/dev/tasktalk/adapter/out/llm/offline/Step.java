package dev.tasktalk.adapter.out.llm.offline;

import tools.jackson.databind.node.ObjectNode;

/** What the offline model does next: call one tool, or answer the user and stop. */
sealed interface Step {

  record Call(String tool, ObjectNode arguments) implements Step {}

  record Reply(String text) implements Step {}
}
