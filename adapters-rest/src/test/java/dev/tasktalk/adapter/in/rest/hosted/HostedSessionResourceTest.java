package dev.tasktalk.adapter.in.rest.hosted;

import static dev.tasktalk.adapter.in.rest.common.TestSecurity.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasktalk.application.port.in.chatkit.HostedSessionUseCase;
import dev.tasktalk.domain.shared.UnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostedSessionResourceTest {

  private final List<String> owners = new ArrayList<>();
  private final HostedSessionUseCase openAi =
      owner -> {
        owners.add(owner.value());
        return new HostedSessionUseCase.HostedSession("ek_" + owners.size(), 1_900_000_000L);
      };

  @Test
  void sessionAndRefresh_eachCreateASessionForTheCaller() {
    var resource = new HostedSessionResource(openAi, as("alice"));

    assertThat(resource.session())
        .isEqualTo("{\"client_secret\":\"ek_1\",\"expires_at\":1900000000}");
    assertThat(resource.refresh())
        .isEqualTo("{\"client_secret\":\"ek_2\",\"expires_at\":1900000000}");
    assertThat(owners).containsExactly("alice", "alice");
  }

  @Test
  void withoutConfiguration_theUseCasesRefusalPassesThrough() {
    HostedSessionUseCase unconfigured =
        owner -> {
          throw new UnavailableException("set OPENAI_API_KEY and CHATKIT_WORKFLOW_ID");
        };

    assertThatThrownBy(() -> new HostedSessionResource(unconfigured, as("alice")).session())
        .isInstanceOf(UnavailableException.class);
  }
}
