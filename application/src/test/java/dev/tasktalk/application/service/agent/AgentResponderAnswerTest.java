package dev.tasktalk.application.service.agent;

import static dev.tasktalk.application.service.agent.AgentFixture.json;
import static dev.tasktalk.application.service.agent.ScriptedModel.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.application.port.out.llm.LanguageModelException;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.domain.event.ThreadEvent;
import dev.tasktalk.domain.item.ItemId;
import dev.tasktalk.domain.item.ItemType;
import dev.tasktalk.domain.item.ThreadItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentResponderAnswerTest {

  private final AgentFixture chat = new AgentFixture();

  @Test
  void givenAPlainQuestion_respond_streamsTheAnswerAsOneAssistantMessageThenTitlesTheThread() {
    chat.model.reply(text("Hel"), text("lo!"));

    List<ThreadEvent> events = chat.say("Hi there");

    assertThat(Events.kinds(events))
        .containsExactly(
            "added:assistant_message",
            "update:assistant_message.content_part.added",
            "update:assistant_message.content_part.text_delta",
            "update:assistant_message.content_part.text_delta",
            "update:assistant_message.content_part.done",
            "done:assistant_message",
            "title:Shopping list");
    ThreadEvent.ItemAdded added = (ThreadEvent.ItemAdded) events.get(0);
    assertThat(json(added.item().payload())).isEqualTo(json("{\"content\":[]}"));
    assertThat(Events.updates(events))
        .containsExactly(
            json(
                "{\"type\":\"assistant_message.content_part.added\",\"content_index\":0,"
                    + "\"content\":{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}}"),
            json(
                "{\"type\":\"assistant_message.content_part.text_delta\",\"content_index\":0,\"delta\":\"Hel\"}"),
            json(
                "{\"type\":\"assistant_message.content_part.text_delta\",\"content_index\":0,\"delta\":\"lo!\"}"),
            json(
                "{\"type\":\"assistant_message.content_part.done\",\"content_index\":0,"
                    + "\"content\":{\"type\":\"output_text\",\"text\":\"Hello!\",\"annotations\":[]}}"));
    ThreadItem done = ((ThreadEvent.ItemDone) events.get(5)).item();
    assertThat(done.id()).isEqualTo(added.item().id());
    assertThat(json(done.payload()))
        .isEqualTo(
            json(
                "{\"content\":[{\"type\":\"output_text\",\"text\":\"Hello!\",\"annotations\":[]}]}"));
  }

  @Test
  void givenAThread_respond_sendsTheAgentsInstructionsWithTodaysDateAndTheConversation() {
    chat.model.reply(text("Hello!"));

    chat.say("Hi there");

    List<ModelMessage> messages = chat.model.lastRequest().messages();
    assertThat(messages).hasSize(2);
    String system = ((ModelMessage.System) messages.get(0)).text();
    assertThat(system)
        .startsWith("You are Tasktalk")
        .contains("Answer in the user's language.")
        .contains("Today is Sunday, 2026-11-22.");
    assertThat(messages.get(1)).isEqualTo(new ModelMessage.User("Hi there"));
    assertThat(chat.model.lastRequest().tools())
        .extracting(tool -> tool.name())
        .containsExactly(
            "add_task",
            "list_tasks",
            "get_task",
            "update_task",
            "complete_task",
            "delete_task",
            "search_tasks",
            "transfer_to_urdu_specialist");
  }

  @Test
  void givenEarlierTurns_respond_sendsUserAndAssistantMessagesOldestFirst_andNoTitleAgain() {
    chat.model.reply(text("Hello!")).reply(text("Fine, thanks."));
    chat.say("Hi there");

    List<ThreadEvent> second = chat.say("How are you?");

    assertThat(chat.model.lastRequest().messages())
        .containsSubsequence(
            new ModelMessage.User("Hi there"),
            new ModelMessage.Assistant("Hello!", List.of(), null),
            new ModelMessage.User("How are you?"));
    assertThat(Events.kinds(second)).noneMatch(kind -> kind.startsWith("title:"));
    assertThat(chat.model.titleRequests()).hasSize(1);
    assertThat(chat.thread.title()).contains("Shopping list");
  }

  @Test
  void
      givenTheFirstAnswer_title_asksTheModelWithoutToolsForTheFirstMessageAndAnswer_andCleansTheReply() {
    chat.model.titles("\"Buying milk today.\"\nIt is about milk").reply(text("Added it."));

    List<ThreadEvent> events = chat.say("Add buy milk");

    assertThat(events.get(events.size() - 1))
        .isEqualTo(new ThreadEvent.TitleChanged("Buying milk today"));
    assertThat(chat.model.titleRequests().get(0).tools()).isEmpty();
    assertThat(chat.model.titleRequests().get(0).messages())
        .containsExactly(
            new ModelMessage.System(Titler.INSTRUCTIONS),
            new ModelMessage.User("Add buy milk"),
            new ModelMessage.Assistant("Added it.", List.of(), null));
  }

  @Test
  void givenTheTitleCallFails_respond_stillSucceeds_withTheFirstWordsOfTheMessageAsTitle() {
    chat.model
        .titlesFail(new LanguageModelException(LanguageModelException.Kind.SERVER, true, "down"))
        .reply(text("Done."));

    List<ThreadEvent> events = chat.say("please add a task to call the plumber tomorrow morning");

    assertThat(events.get(events.size() - 1))
        .isEqualTo(new ThreadEvent.TitleChanged("Please add a task to call"));
  }

  @Test
  void title_isCutTo60Characters_atAWordWhenPossible() {
    String title =
        Titler.clean(
            "Title: A very long title that goes on and on about many different tasks today!");

    assertThat(title)
        .hasSizeLessThanOrEqualTo(60)
        .isEqualTo("A very long title that goes on and on about many different");
  }

  @Test
  void givenAStoppedAnswerBefore_respond_tellsTheModelAboutTheStopNote() {
    chat.model.reply(text("Sure."));
    chat.store
        .items()
        .add(
            AgentFixture.ALICE,
            new ThreadItem(
                ItemId.generate(ItemType.SDK_HIDDEN_CONTEXT),
                chat.thread.id(),
                ItemType.SDK_HIDDEN_CONTEXT,
                AgentFixture.NOW,
                "{\"content\":\"The user cancelled the stream. Stop responding to the prior"
                    + " request.\"}"));

    chat.say("Something else");

    assertThat(chat.model.lastRequest().messages())
        .contains(
            new ModelMessage.System(
                "The user cancelled the stream. Stop responding to the prior request."));
  }

  @Test
  void givenATurn_whenItEnds_itsUsageIsHandedOut() {
    chat.model.reply(text("Hello!"));

    chat.say("Hi there");

    assertThat(chat.metrics)
        .singleElement()
        .satisfies(
            turn -> {
              assertThat(turn.model()).isEqualTo("scripted-model");
              assertThat(turn.threadId()).isEqualTo(chat.thread.id());
              assertThat(turn.inputTokens()).isEqualTo(13L);
              assertThat(turn.outputTokens()).isEqualTo(7L);
              assertThat(turn.modelCalls()).isEqualTo(2);
              assertThat(turn.firstToken()).isNotNull();
            });
  }
}
