package dev.tasktalk.adapter.out.llm.offline;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the latest user message in the light of the conversation: after the model asked "which
 * one?", "2", "the second one" or a title picks among the matches of the earlier command, and
 * "never mind" drops it. Anything else is read on its own.
 */
final class FollowUps {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern NUMBER =
      Pattern.compile(
          "^(?:(?:the\\s+)?(?:number|no\\.?|option|#)\\s*)?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+one)?$",
          FLAGS);
  private static final Pattern ORDINAL =
      Pattern.compile(
          "^(?:the\\s+)?(first|second|third|fourth|fifth|"
              + "sixth|seventh|eighth|ninth|tenth|last)(?:\\s+one)?$",
          FLAGS);
  private static final Map<String, Integer> ORDINALS =
      Map.ofEntries(
          Map.entry("first", 1),
          Map.entry("second", 2),
          Map.entry("third", 3),
          Map.entry("fourth", 4),
          Map.entry("fifth", 5),
          Map.entry("sixth", 6),
          Map.entry("seventh", 7),
          Map.entry("eighth", 8),
          Map.entry("ninth", 9),
          Map.entry("tenth", 10),
          Map.entry("last", -1));
  private static final Pattern NEVER_MIND =
      Pattern.compile(
          "^(?:never ?mind|no|nope|none|neither|cancel|stop|forget it|leave it|none of them)$",
          FLAGS);

  private final CommandParser parser;

  FollowUps(CommandParser parser) {
    this.parser = parser;
  }

  /** What the latest user message asks for; help when there is none. */
  Intent latest(Conversation conversation) {
    List<Integer> users = conversation.userIndexes();
    return users.isEmpty() ? new Intent.Help() : intentAt(conversation, users, users.size() - 1);
  }

  private Intent intentAt(Conversation conversation, List<Integer> users, int k) {
    String text = CommandParser.normalise(conversation.userText(users.get(k)));
    Intent intent = parser.parse(text);
    boolean answersPick =
        k > 0
            && conversation
                .assistantTextBefore(users.get(k))
                .filter(answer -> answer.contains(OfflineReplies.PICK_PROMPT))
                .isPresent();
    if (!answersPick
        || !(intentAt(conversation, users, k - 1) instanceof Intent.Targeted earlier)) {
      return intent;
    }
    Optional<Integer> choice = choice(text);
    if (choice.isPresent()) {
      return earlier.retarget(earlier.target().choosing(choice.get()));
    }
    if (NEVER_MIND.matcher(text).matches()) {
      return new Intent.Say("OK, I'll leave your tasks as they are.");
    }
    String words = TaskPhrases.target(text);
    return intent instanceof Intent.Help && !words.isEmpty()
        ? earlier.retarget(Target.of(words))
        : intent;
  }

  static Optional<Integer> choice(String text) {
    Matcher number = NUMBER.matcher(text);
    if (number.matches()) {
      return Optional.of(Integer.parseInt(number.group(1)));
    }
    Matcher ordinal = ORDINAL.matcher(text);
    return ordinal.matches()
        ? Optional.of(ORDINALS.get(ordinal.group(1).toLowerCase(java.util.Locale.ROOT)))
        : Optional.empty();
  }
}
