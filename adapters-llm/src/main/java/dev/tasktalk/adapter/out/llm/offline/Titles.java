package dev.tasktalk.adapter.out.llm.offline;

import java.util.Arrays;
import java.util.Locale;

/**
 * A thread title of two to six words from the first user message: the task for an add ("Buy milk"),
 * the kind of listing ("Open tasks"), the action and its task ("Complete buy milk"), otherwise the
 * message's first words; "Tasktalk chat" when there is too little to go on.
 */
final class Titles {

  private static final int MAX_WORDS = 6;
  private static final String FALLBACK = "Tasktalk chat";

  private final CommandParser parser;

  Titles(CommandParser parser) {
    this.parser = parser;
  }

  String title(String firstMessage) {
    Intent intent =
        HelpReplies.isUrdu(firstMessage) ? new Intent.Help() : parser.parse(firstMessage);
    String title;
    if (intent instanceof Intent.Add add) {
      title = add.title().strip().contains(" ") ? add.title() : "Add " + add.title();
    } else if (intent instanceof Intent.ListTasks list) {
      title = (list.priority() != null ? list.priority() + " priority" : list.status()) + " tasks";
    } else if (intent instanceof Intent.Search search) {
      title = "Tasks about " + search.query();
    } else if (intent instanceof Intent.Targeted targeted) {
      String verb =
          intent instanceof Intent.Complete
              ? "Complete"
              : intent instanceof Intent.Delete
                  ? "Delete"
                  : ((Intent.Update) intent).title() != null ? "Rename" : "Update";
      title = verb + " " + (targeted.target().query() != null ? targeted.target().query() : "task");
    } else {
      title = CommandParser.normalise(firstMessage);
    }
    return shape(title);
  }

  /**
   * At most six words of letters and digits, the first capitalised; the fallback below two words.
   */
  private static String shape(String text) {
    String[] words =
        Arrays.stream(text.replaceAll("[^\\p{L}\\p{M}\\p{N}'’\\s-]", " ").strip().split("\\s+"))
            .filter(word -> !word.isBlank() && !word.matches("[-'’]+"))
            .limit(MAX_WORDS)
            .toArray(String[]::new);
    if (words.length < 2) {
      return FALLBACK;
    }
    String title = String.join(" ", words);
    return title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
  }
}
