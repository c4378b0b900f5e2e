package dev.tasktalk.adapter.out.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the user named the task to act on: the words to search for, or a task id, plus which of
 * several matches they picked (1-based; -1 for "the last one"; null when they have not picked).
 */
record Target(String query, String taskId, Integer choice) {

  private static final Set<String> SMALL_WORDS =
      Set.of("and", "the", "for", "with", "from", "about");

  static Target of(String query) {
    return new Target(query, null, null);
  }

  static Target byId(String taskId) {
    return new Target(null, taskId, null);
  }

  Target choosing(int choice) {
    return new Target(query, taskId, choice);
  }

  /**
   * The searches to try in turn while nothing matches: the words as said, then their last
   * significant word ("buy milk" finds "Buy oat milk" through "milk").
   */
  List<String> queries() {
    List<String> queries = new ArrayList<>();
    queries.add(query);
    String[] words = query.toLowerCase(Locale.ROOT).split("\\s+");
    for (int i = words.length - 1; i > 0; i--) {
      String word = words[i].replaceAll("[^\\p{L}\\p{N}-]", "");
      if (word.length() >= 3 && !SMALL_WORDS.contains(word)) {
        queries.add(word);
        break;
      }
    }
    return queries;
  }
}
