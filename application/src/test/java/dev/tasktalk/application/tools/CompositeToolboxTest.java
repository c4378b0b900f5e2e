package dev.tasktalk.application.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.testing.InMemoryToolCallRepository;
import dev.tasktalk.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeToolboxTest {

  private static final ToolContext CONTEXT =
      new ToolContext(new UserId("alice"), ToolContext.AGENT, null, null);

  private final FakeToolbox tasks = new FakeToolbox("tasks", "add_task", "list_tasks");
  private final FakeToolbox weather = new FakeToolbox("weather", "weather__forecast", "list_tasks");

  @Test
  void concatenatesSpecsInOrderFirstWinningATie() {
    CompositeToolbox composite = new CompositeToolbox(tasks, List.of(weather));

    assertThat(composite.specs())
        .extracting(ToolSpec::name)
        .containsExactly("add_task", "list_tasks", "weather__forecast");
  }

  @Test
  void routesCallsAndDescriptionsByName() {
    CompositeToolbox composite = new CompositeToolbox(tasks, List.of(weather));

    assertThat(composite.call(CONTEXT, "weather__forecast", "{}").content())
        .isEqualTo("{\"by\":\"weather\"}");
    assertThat(composite.call(CONTEXT, "list_tasks", "{}").content())
        .isEqualTo("{\"by\":\"tasks\"}");
    assertThat(composite.describe(CONTEXT, "weather__forecast", "{}").title())
        .isEqualTo("weather describes");
    assertThat(weather.calls).containsExactly("weather__forecast");
    assertThat(tasks.calls).containsExactly("list_tasks");
  }

  @Test
  void unknownToolIsAnErrorOutcomeNamingTheTools() {
    CompositeToolbox composite = new CompositeToolbox(tasks, List.of(weather));

    ToolOutcome outcome = composite.call(CONTEXT, "nope", "{}");

    assertThat(outcome.error()).isTrue();
    assertThat(outcome.content()).contains("unknown tool nope").contains("weather__forecast");
    assertThat(outcome.title()).isEqualTo("Couldn't run an unknown tool");
    assertThat(composite.describe(CONTEXT, null, "{}").error()).isTrue();
  }

  @Test
  void anExtraToolboxThatFailsToListIsSkipped() {
    Toolbox broken =
        new FakeToolbox("broken") {
          @Override
          public List<ToolSpec> specs() {
            throw new IllegalStateException("down");
          }
        };
    CompositeToolbox composite = new CompositeToolbox(tasks, List.of(broken, weather));

    assertThat(composite.specs())
        .extracting(ToolSpec::name)
        .containsExactly("add_task", "list_tasks", "weather__forecast");
    assertThat(composite.call(CONTEXT, "weather__forecast", "{}").error()).isFalse();
  }

  @Test
  void recordsCallsRoutedToExtrasOnly() {
    InMemoryToolCallRepository records = new InMemoryToolCallRepository();
    CompositeToolbox composite =
        new CompositeToolbox(
            tasks,
            List.of(weather),
            records,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    composite.call(CONTEXT, "add_task", "{}");
    composite.call(CONTEXT, "weather__forecast", "{\"city\":\"Lahore\"}");

    assertThat(records.records())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.name()).isEqualTo("weather__forecast");
              assertThat(record.status()).isEqualTo("ok");
              assertThat(record.surface()).isEqualTo(ToolContext.AGENT);
            });
  }

  private static class FakeToolbox implements Toolbox {

    private final String label;
    private final List<ToolSpec> specs;
    final List<String> calls = new ArrayList<>();

    FakeToolbox(String label, String... names) {
      this.label = label;
      this.specs =
          java.util.Arrays.stream(names)
              .map(
                  name ->
                      new ToolSpec(
                          name,
                          label + " " + name,
                          "{\"type\":\"object\"}",
                          null,
                          false,
                          false,
                          false))
              .toList();
    }

    @Override
    public List<ToolSpec> specs() {
      return specs;
    }

    @Override
    public ToolOutcome call(ToolContext context, String name, String arguments) {
      calls.add(name);
      return new ToolOutcome(false, "{\"by\":\"" + label + "\"}", label + " ran " + name);
    }

    @Override
    public ToolOutcome describe(ToolContext context, String name, String arguments) {
      return new ToolOutcome(false, "{}", label + " describes");
    }
  }
}
