package dev.tasktalk.application.service.agent;

import dev.tasktalk.application.port.out.llm.LanguageModel;
import dev.tasktalk.application.port.out.llm.ModelEvent;
import dev.tasktalk.application.port.out.llm.ModelMessage;
import dev.tasktalk.application.port.out.llm.ModelRequest;
import dev.tasktalk.domain.event.ThreadEvent;
import io.smallrye.mutiny.Multi;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Names a new thread after its first answer with one more model call, without tools. A title is a
 * nicety: when the call fails, the first words of the user's message make the title instead.
 */
final class Titler {

  static final String INSTRUCTIONS =
      "Write a short title (2–6 words) for this conversation, in the user's "
          + "language. Reply with the title only.";
  static final int MAX_LENGTH = 60;

  private static final System.Logger LOG = System.getLogger(Titler.class.getName());
  private static final int FALLBACK_WORDS = 6;

  private final LanguageModel model;

  Titler(LanguageModel model) {
    this.model = model;
  }

  Multi<ThreadEvent> title(String userText, String answer, Meter meter) {
    ModelRequest request =
        new ModelRequest(
            List.of(
                new ModelMessage.System(INSTRUCTIONS),
                new ModelMessage.User(userText),
                new ModelMessage.Assistant(answer, List.of(), null)),
            List.of());
    meter.modelCalled();
    return model.stream(request)
        .onItem()
        .invoke(
            event -> {
              if (event instanceof ModelEvent.Finished finished) {
                meter.finished(finished);
              }
            })
        .filter(ModelEvent.TextDelta.class::isInstance)
        .map(event -> ((ModelEvent.TextDelta) event).text())
        .collect()
        .in(StringBuilder::new, StringBuilder::append)
        .map(text -> clean(text.toString()))
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.log(Level.INFO, "no title from the model: " + failure.getMessage());
              return "";
            })
        .map(title -> title.isEmpty() ? fallback(userText) : title)
        .map(title -> (ThreadEvent) new ThreadEvent.TitleChanged(title))
        .toMulti();
  }

  /**
   * The model's reply as a title: its first line, without quotes, a "Title:" label or final
   * punctuation.
   */
  static String clean(String reply) {
    String title = reply.strip().lines().findFirst().orElse("").strip();
    title = title.replaceFirst("(?i)^title\\s*:\\s*", "");
    title = title.replaceAll("^[\"'“”‘’«»`*]+|[\"'“”‘’«»`*]+$", "").strip();
    title = title.replaceAll("[.!?。؟۔…:;,،\\s]+$", "").strip();
    return shorten(title.replaceAll("\\s+", " "));
  }

  /** The first few words of the user's message, capitalized, or "New chat". */
  static String fallback(String userText) {
    String[] words = userText == null ? new String[0] : userText.strip().split("\\s+");
    String title =
        clean(String.join(" ", Arrays.copyOf(words, Math.min(words.length, FALLBACK_WORDS))));
    if (title.isEmpty()) {
      return "New chat";
    }
    int first = title.offsetByCodePoints(0, 1);
    return title.substring(0, first).toUpperCase(Locale.ROOT) + title.substring(first);
  }

  private static String shorten(String title) {
    if (title.length() <= MAX_LENGTH) {
      return title;
    }
    String cut = title.substring(0, MAX_LENGTH);
    int space = cut.lastIndexOf(' ');
    return (space > MAX_LENGTH / 2 ? cut.substring(0, space) : cut).strip();
  }
}
