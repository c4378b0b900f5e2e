package dev.tasktalk.adapter.out.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small phrases inside task commands: priorities ("high priority", "urgent"), tags ("#home",
 * "tagged home"), notes ("note: …"), and the clean-up that turns what is left into a title or into
 * the words naming an existing task.
 */
final class TaskPhrases {

  /** Something taken out of a message: its value and the message without it. */
  record Taken<T>(T value, String rest) {}

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern LEVEL_PRIORITY =
      Pattern.compile(
          "\\b(?:(?:with|at)\\s+)?(?:an?\\s+)?(high|low|medium|normal|top)[\\s-]+(?:priority|prio)\\b",
          FLAGS);
  private static final Pattern PRIORITY_LEVEL =
      Pattern.compile(
          "\\b(?:with\\s+)?(?:priority|prio)\\s*[:=]?\\s*(high|low|medium|normal)\\b", FLAGS);
  private static final Pattern URGENT =
      Pattern.compile("\\b(urgent|urgently|asap|important)\\b", FLAGS);
  private static final Pattern HASHTAG =
      Pattern.compile("(?<![\\p{L}\\p{N}])#([\\p{L}\\p{N}_-]+)", FLAGS);
  private static final Pattern TAGGED =
      Pattern.compile(
          "\\b(?:tagged|with (?:the"
              + " )?tags?)\\s+([\\p{L}\\p{N}_-]+(?:\\s*(?:,|and)\\s*[\\p{L}\\p{N}_-]+)*)",
          FLAGS);
  private static final Pattern NOTE =
      Pattern.compile(
          "[\\s,;]*(?:with (?:a |the )?)?(?:note|notes|description|details)\\s*:\\s*(.+)$", FLAGS);
  private static final Pattern QUOTES = Pattern.compile("^[\"“”‘’'`]+|[\"“”‘’'`]+$");
  private static final Pattern LEADING_FILLER =
      Pattern.compile(
          "^(?:the|my|a|an|this|that|task|todo|to-do|item|one|called|named|titled|about|to|up|off|out|"
              + "back|some|with)(?:\\s*:\\s*|\\s+)",
          FLAGS);
  private static final Pattern TRAILING_FILLER =
      Pattern.compile(
          "(?:\\s+(?:from|on|in|off|of)\\s+(?:my|the)\\s+(?:to-?do\\s+|task\\s+)?(?:list|tasks|todos)"
              + "|\\s+(?:task|todo|to-do|item|one|reminder|thing)s?)$",
          FLAGS);

  private TaskPhrases() {}

  /** Takes a priority phrase out; the value is low, medium or high, null when none was said. */
  static Taken<String> priority(String text) {
    for (Pattern pattern : List.of(LEVEL_PRIORITY, PRIORITY_LEVEL, URGENT)) {
      Matcher matcher = pattern.matcher(text);
      if (matcher.find()) {
        return new Taken<>(level(matcher.group(1)), remove(text, matcher));
      }
    }
    return new Taken<>(null, text);
  }

  /** low, medium or high for a level word ("urgent", "top" and "important" are high), else null. */
  static String level(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "high", "top", "urgent", "urgently", "asap", "important" -> "high";
      case "low" -> "low";
      case "medium", "normal" -> "medium";
      default -> null;
    };
  }

  /** Takes hashtags and "tagged x, y" out; tags are lower-case. */
  static Taken<List<String>> tags(String text) {
    List<String> tags = new ArrayList<>();
    Matcher hashtags = HASHTAG.matcher(text);
    while (hashtags.find()) {
      tags.add(hashtags.group(1).toLowerCase(Locale.ROOT));
    }
    String rest = hashtags.replaceAll(" ");
    Matcher tagged = TAGGED.matcher(rest);
    if (tagged.find()) {
      for (String tag : tagged.group(1).split("\\s*(?:,|\\band\\b)\\s*")) {
        if (!tag.isBlank()) {
          tags.add(tag.strip().toLowerCase(Locale.ROOT));
        }
      }
      rest = remove(rest, tagged);
    }
    return new Taken<>(List.copyOf(tags.stream().distinct().toList()), squeeze(rest));
  }

  /** Takes a trailing "note: …" out as the description. */
  static Taken<String> note(String text) {
    Matcher matcher = NOTE.matcher(text);
    return matcher.find()
        ? new Taken<>(matcher.group(1).strip(), text.substring(0, matcher.start()).strip())
        : new Taken<>(null, text);
  }

  /** A task title from what is left of a message: unquoted, trimmed, first letter capitalised. */
  static String title(String text) {
    String title = unquote(text.replaceAll("^[\\s:,;.-]+|[\\s:,;.!?…-]+$", ""));
    if (title.isEmpty()) {
      return title;
    }
    return title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
  }

  /** The words naming an existing task, without articles and "task"/"from my list" around them. */
  static String target(String text) {
    String target = unquote(text.replaceAll("[\\s:,;.!?…]+$", "").strip());
    String before;
    do {
      before = target;
      target = unquote(LEADING_FILLER.matcher(target).replaceFirst(""));
      target = unquote(TRAILING_FILLER.matcher(target).replaceFirst(""));
    } while (!target.equals(before));
    return target;
  }

  static String unquote(String text) {
    return QUOTES.matcher(text.strip()).replaceAll("").strip();
  }

  static String squeeze(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private static String remove(String text, Matcher matcher) {
    return squeeze(text.substring(0, matcher.start()) + " " + text.substring(matcher.end()));
  }
}
