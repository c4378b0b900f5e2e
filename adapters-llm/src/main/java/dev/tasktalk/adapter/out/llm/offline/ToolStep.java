package dev.tasktalk.adapter.out.llm.offline;

import tools.jackson.databind.JsonNode;

/** A tool call the model made in the current turn together with its result, both as JSON. */
record ToolStep(String tool, JsonNode arguments, JsonNode result) {

  String argument(String name) {
    return Json.text(arguments, name, null);
  }

  String error() {
    return Json.error(result);
  }
}
