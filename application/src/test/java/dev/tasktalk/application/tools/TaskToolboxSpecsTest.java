package dev.tasktalk.application.tools;

import static dev.tasktalk.application.tools.ToolboxFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The seven tools as models and MCP clients see them: names, argument schemas, result schemas,
 * hints.
 */
class TaskToolboxSpecsTest {

  // Draft 2020-12 keywords the schemas may use; anything else would be a typo or a dialect of its
  // own.
  private static final Set<String> KEYWORDS =
      Set.of(
          "type",
          "properties",
          "required",
          "additionalProperties",
          "enum",
          "const",
          "description",
          "minLength",
          "maxLength",
          "minimum",
          "maximum",
          "maxItems",
          "items",
          "format");

  private final TaskToolbox toolbox = new ToolboxFixture().toolbox;

  @Test
  void specs_areTheSevenTaskToolsInOrder() {
    assertThat(toolbox.specs())
        .extracting(ToolSpec::name)
        .containsExactly(
            "add_task",
            "list_tasks",
            "get_task",
            "update_task",
            "complete_task",
            "delete_task",
            "search_tasks");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "add_task      | title description priority due tags                      | title",
        "list_tasks    | status priority tag due_before due_after limit            | ''",
        "get_task      | task_id                                                   | task_id",
        "update_task   | task_id title description priority due tags               | task_id",
        "complete_task | task_id                                                   | task_id",
        "delete_task   | task_id                                                   | task_id",
        "search_tasks  | query status limit                                        | query"
      })
  void givenATool_itsInputSchema_listsExactlyTheDocumentedArguments(
      String name, String properties, String required) {
    JsonNode schema = json(spec(name).inputSchema());

    assertThat(schema.get("type").stringValue()).isEqualTo("object");
    assertThat(schema.get("additionalProperties").booleanValue()).isFalse();
    assertThat(schema.get("properties").propertyNames()).containsExactly(properties.split(" "));
    assertThat(strings(schema.path("required")))
        .containsExactly(required.isEmpty() ? new String[0] : required.split(" "));
    schema
        .get("properties")
        .forEach(p -> assertThat(p.path("description").stringValue("")).isNotBlank());
  }

  @Test
  void everySchema_parsesAndUsesOnlyStandardKeywords() {
    for (ToolSpec spec : toolbox.specs()) {
      assertThat(keywords(json(spec.inputSchema()))).as(spec.name()).isSubsetOf(KEYWORDS);
      assertThat(keywords(json(spec.outputSchema()))).as(spec.name()).isSubsetOf(KEYWORDS);
      assertThat(json(spec.outputSchema()).get("type").stringValue()).isEqualTo("object");
    }
  }

  @Test
  void outputSchemas_describeOneTaskAListOrADeletion() {
    assertThat(json(spec("add_task").outputSchema()).get("properties").propertyNames())
        .containsExactly("task");
    assertThat(json(spec("list_tasks").outputSchema()).get("properties").propertyNames())
        .containsExactly("tasks", "count", "has_more");
    assertThat(json(spec("search_tasks").outputSchema()))
        .isEqualTo(json(spec("list_tasks").outputSchema()));
    assertThat(json(spec("delete_task").outputSchema()).get("properties").propertyNames())
        .containsExactly("deleted", "task");
    assertThat(
            json(spec("get_task").outputSchema()).at("/properties/task/properties").propertyNames())
        .containsExactly(
            "id",
            "title",
            "description",
            "priority",
            "due",
            "tags",
            "completed",
            "created_at",
            "updated_at",
            "completed_at");
  }

  @Test
  void enumsAndDates_areSpelledOut() {
    JsonNode add = json(spec("add_task").inputSchema()).get("properties");
    JsonNode list = json(spec("list_tasks").inputSchema()).get("properties");

    assertThat(strings(add.at("/priority/enum"))).containsExactly("low", "medium", "high");
    assertThat(strings(list.at("/status/enum"))).containsExactly("open", "done", "all");
    assertThat(strings(json(spec("search_tasks").inputSchema()).at("/properties/status/enum")))
        .containsExactly("open", "done", "all");
    for (JsonNode date : List.of(add.get("due"), list.get("due_before"), list.get("due_after"))) {
      assertThat(date.get("description").stringValue())
          .contains("ISO date 2026-11-23 or date-time");
    }
    assertThat(add.at("/title/maxLength").intValue()).isEqualTo(200);
    assertThat(list.at("/limit/maximum").intValue()).isEqualTo(100);
  }

  @Test
  void hints_markReadersDestroyersAndRepeatableTools() {
    Map<String, List<Boolean>> hints =
        Map.of(
            "add_task", List.of(false, false, false),
            "list_tasks", List.of(true, false, true),
            "get_task", List.of(true, false, true),
            "update_task", List.of(false, false, true),
            "complete_task", List.of(false, false, true),
            "delete_task", List.of(false, true, true),
            "search_tasks", List.of(true, false, true));

    for (ToolSpec spec : toolbox.specs()) {
      assertThat(List.of(spec.readOnly(), spec.destructive(), spec.idempotent()))
          .as(spec.name())
          .isEqualTo(hints.get(spec.name()));
    }
  }

  @Test
  void descriptions_tellTheModelWhereIdsComeFromAndThatDeletingAsksTheUser() {
    for (String name : List.of("get_task", "update_task", "complete_task", "delete_task")) {
      assertThat(spec(name).description()).as(name).contains("list_tasks").contains("search_tasks");
    }
    assertThat(spec("delete_task").description()).contains("asks the user for confirmation");
    assertThat(
            json(spec("get_task").inputSchema())
                .at("/properties/task_id/description")
                .stringValue())
        .contains("list_tasks");
  }

  private ToolSpec spec(String name) {
    return toolbox.specs().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.stringValue()));
    return values;
  }

  /** Every key of every schema object inside {@code schema}, not counting property names. */
  private static Set<String> keywords(JsonNode schema) {
    Set<String> found = new HashSet<>(schema.propertyNames());
    schema.path("properties").forEach(p -> found.addAll(keywords(p)));
    if (schema.path("items").isObject()) {
      found.addAll(keywords(schema.get("items")));
    }
    return found;
  }
}
