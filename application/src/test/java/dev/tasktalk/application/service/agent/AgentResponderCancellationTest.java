package dev.tasktalk.application.service.agent;

import static dev.tasktalk.application.service.agent.ScriptedModel.call;
import static dev.tasktalk.application.service.agent.ScriptedModel.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.domain.event.ThreadEvent;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentResponderCancellationTest {

  private final AgentFixture chat = new AgentFixture();

  private AssertSubscriber<ThreadEvent> open(String message, int events) {
    AssertSubscriber<ThreadEvent> subscriber =
        chat.respondTo(message).subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
    subscriber.awaitItems(events, Duration.ofSeconds(5));
    return subscriber;
  }

  @Test
  void givenAStreamingAnswer_cancelling_cancelsTheModelCall_andHandsOutTheUsage() {
    chat.model.hangAfter(text("Thinking"));
    AssertSubscriber<ThreadEvent> stream = open("Hi", 3);

    stream.cancel();

    assertThat(chat.model.cancellations()).isEqualTo(1);
    assertThat(chat.model.titleRequests()).isEmpty();
    assertThat(chat.metrics)
        .singleElement()
        .satisfies(turn -> assertThat(turn.modelCalls()).isEqualTo(1));
  }

  @Test
  void givenAToolCallRequestedButTheModelNotFinished_cancelling_runsNoTool() {
    chat.model.hangAfter(text("Let me add it"), call("call_1", "add_task", "{\"title\":\"Milk\"}"));
    AssertSubscriber<ThreadEvent> stream = open("Add milk", 3);

    stream.cancel();

    assertThat(chat.model.cancellations()).isEqualTo(1);
    assertThat(chat.toolbox.calls()).isEmpty();
    assertThat(chat.model.requests()).hasSize(1);
  }

  @Test
  void givenASecondModelCallAfterATool_cancelling_stopsItAndCallsNothingMore() {
    chat.model
        .reply(call("call_1", "add_task", "{\"title\":\"Milk\"}"))
        .hangAfter(text("Added"), call("call_2", "list_tasks", "{}"));
    // workflow added, task added, task updated, round stored, workflow done, message added, part
    // added, delta
    AssertSubscriber<ThreadEvent> stream = open("Add milk", 8);

    stream.cancel();

    assertThat(chat.model.cancellations()).isEqualTo(1);
    assertThat(chat.toolbox.calls()).extracting(FakeToolbox.Call::name).containsExactly("add_task");
    assertThat(chat.model.requests()).hasSize(2);
  }

  @Test
  void givenNoSubscriber_nothingIsCalled() {
    chat.model.reply(text("Hi"));

    chat.respondTo("Hi");

    assertThat(chat.model.requests()).isEmpty();
    assertThat(chat.metrics).isEmpty();
  }
}
