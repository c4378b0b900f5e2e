package dev.tasktalk.application.service.hosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.in.chatkit.HostedSessionUseCase.HostedSession;
import dev.tasktalk.application.port.out.chatkit.HostedChatKitSessions;
import dev.tasktalk.domain.shared.UnavailableException;
import dev.tasktalk.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostedSessionServiceTest {

  private static final UserId ALICE = new UserId("alice");

  private final List<String> calls = new ArrayList<>();
  private final HostedChatKitSessions openAi =
      (workflow, user) -> {
        calls.add(workflow + " " + user);
        return new HostedSession("ek_secret", 1_900_000_000L);
      };

  @Test
  void givenKeyAndWorkflow_create_opensASessionForTheOwner() {
    var service = new HostedSessionService(openAi, Optional.of("sk-1"), Optional.of(" wf_1 "));

    HostedSession session = service.create(ALICE);

    assertThat(session).isEqualTo(new HostedSession("ek_secret", 1_900_000_000L));
    assertThat(calls).containsExactly("wf_1 alice");
  }

  @Test
  void givenNothingConfigured_create_namesBothSettings() {
    var service = new HostedSessionService(openAi, Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> service.create(ALICE))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("OPENAI_API_KEY and CHATKIT_WORKFLOW_ID");
    assertThat(calls).isEmpty();
  }

  @Test
  void givenOnlyOneSetting_create_namesTheMissingOne() {
    assertThatThrownBy(
            () ->
                new HostedSessionService(openAi, Optional.of("sk-1"), Optional.of(" "))
                    .create(ALICE))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("CHATKIT_WORKFLOW_ID")
        .hasMessageNotContaining("OPENAI_API_KEY");
    assertThatThrownBy(
            () ->
                new HostedSessionService(openAi, Optional.of(""), Optional.of("wf_1"))
                    .create(ALICE))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("OPENAI_API_KEY")
        .hasMessageNotContaining("CHATKIT_WORKFLOW_ID");
    assertThat(calls).isEmpty();
  }

  @Test
  void givenOpenAiRefuses_create_passesTheRefusalOn() {
    HostedChatKitSessions refusing =
        (workflow, user) -> {
          throw new UnavailableException("OpenAI answered 401");
        };
    var service = new HostedSessionService(refusing, Optional.of("sk-1"), Optional.of("wf_1"));

    assertThatThrownBy(() -> service.create(ALICE)).hasMessage("OpenAI answered 401");
  }
}
