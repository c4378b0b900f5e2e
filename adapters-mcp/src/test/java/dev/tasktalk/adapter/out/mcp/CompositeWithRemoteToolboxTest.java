package dev.tasktalk.adapter.out.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.tools.CompositeToolbox;
import dev.tasktalk.application.tools.ToolContext;
import dev.tasktalk.application.tools.ToolOutcome;
import dev.tasktalk.application.tools.ToolSpec;
import dev.tasktalk.application.tools.Toolbox;
import dev.tasktalk.domain.user.UserId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent's view: the task tools plus the tools of a reachable and an unreachable MCP server. */
class CompositeWithRemoteToolboxTest {

  private static final ToolContext CONTEXT =
      new ToolContext(new UserId("alice"), ToolContext.AGENT, null, null);

  private static final Toolbox TASKS =
      new Toolbox() {
        @Override
        public List<ToolSpec> specs() {
          return List.of(
              new ToolSpec(
                  "add_task", "Adds a task", "{\"type\":\"object\"}", null, false, false, false));
        }

        @Override
        public ToolOutcome call(ToolContext context, String name, String arguments) {
          return new ToolOutcome(false, "{\"id\":\"1\"}", "Added task");
        }

        @Override
        public ToolOutcome describe(ToolContext context, String name, String arguments) {
          return new ToolOutcome(false, "{}", "?");
        }
      };

  @Test
  void remoteToolsJoinTheTaskToolsAndADownServerBreaksNothing() throws IOException {
    try (TinyMcpServer up = new TinyMcpServer();
        ExternalMcpServers servers =
            new ExternalMcpServers(
                List.of(
                    new ExternalMcpServer("down", "http://127.0.0.1:1/mcp", null),
                    new ExternalMcpServer("tiny", up.url(), "tok")),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofSeconds(30))) {
      CompositeToolbox toolbox = new CompositeToolbox(TASKS, servers.toolboxes());

      assertThat(toolbox.specs())
          .extracting(ToolSpec::name)
          .startsWith("add_task", "tiny__echo")
          .hasSize(6);
      assertThat(toolbox.call(CONTEXT, "add_task", "{}").error()).isFalse();
      assertThat(toolbox.call(CONTEXT, "tiny__echo", "{\"message\":\"hi\"}").content())
          .isEqualTo("{\"echo\":{\"message\":\"hi\"}}");
      assertThat(toolbox.describe(CONTEXT, "tiny__wipe", "{}").title())
          .isEqualTo("Run ‘Wipe everything’ on tiny?");
      assertThat(toolbox.call(CONTEXT, "down__anything", "{}").error()).isTrue();
      assertThat(servers.health())
          .extracting(RemoteMcpHealth::reachable)
          .containsExactly(false, true);
    }
  }
}
