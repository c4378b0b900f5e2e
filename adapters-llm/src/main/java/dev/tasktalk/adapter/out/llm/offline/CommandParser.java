package dev.tasktalk.adapter.out.llm.offline;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one user message into an {@link Intent}: case-insensitive, tolerant of "please", "can you"
 * and trailing punctuation. Commands are tried from the most specific (add, change, complete,
 * delete) to the most general (search, list); anything else is help.
 */
final class CommandParser {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern POLITE_START =
      Pattern.compile(
          "^(?:(?:hey|hi|hello|ok|okay|so|please|pls|plz|kindly|now)\\b[,!]?\\s*"
              + "|(?:can|could|would|will) you(?: please)?\\s+|i(?:'d| would) like you to\\s+)+",
          FLAGS);
  private static final Pattern POLITE_END =
      Pattern.compile("(?:[\\s,]+(?:please|pls|plz|thanks|thank you|thx)\\b)?[\\s.!?…]*$", FLAGS);
  private static final Pattern ADD_VERB =
      Pattern.compile(
          "^(?:add|create|new|jot down|note down|put|remind me|don'?t let me forget)\\b"
              + "|^(?:todo|to-do|task|reminder)\\s*:",
          FLAGS);
  private static final Pattern ADD_WORDS =
      Pattern.compile(
          "^(?:add|create|new|jot down|note"
              + " down|put)\\b\\s*(?:(?:a|an|another|new|the)\\s+)*(?:(?:task|todo|to-do|reminder|item)s?\\b\\s*)?(?:(?:to|for|called|named|titled|saying|that"
              + " says)\\b\\s*)?:?\\s*|^(?:remind me|don'?t let me"
              + " forget)\\b\\s*(?:(?:to|about|that|of)\\b\\s*)?"
              + "|^(?:todo|to-do|task|reminder)\\s*:\\s*",
          FLAGS);
  private static final Pattern TO_MY_LIST =
      Pattern.compile(
          "\\s+(?:to|on|in)\\s+(?:my|the)\\s+(?:to-?do\\s+|task\\s+)?(?:list|tasks|todos)$", FLAGS);
  private static final Pattern SEARCH =
      Pattern.compile(
          "^(?:find|search|look up|look"
              + " for|lookup)\\b\\s*(?:for\\s+)?(?:(?:me|my|the|all|any)\\s+)*"
              + "(?:(?:tasks?|todos?)\\b\\s*)?(?:(?:about|matching|containing|mentioning|on|for|called|named|related"
              + " to|that mention)\\s+)?(.*)$|^(?:show|list|get|give|any|do i"
              + " have)\\s+(?:(?:me|my|the|all|any)\\s+)*(?:tasks?|todos?)\\s+(?:about|matching|containing|mentioning|related"
              + " to|that mention|called|named)\\s+(.+)$",
          FLAGS);
  private static final Pattern LIST_VERB =
      Pattern.compile(
          "^(?:show|list|display|view|see|get|give|tell|what|what's|whats|which|do i"
              + " have|any|my|open|pending|done|completed|finished|all|how many)\\b",
          FLAGS);
  private static final Pattern LIST_NOUN =
      Pattern.compile("\\b(?:tasks?|todos?|to-dos?|list|agenda)\\b", FLAGS);
  private static final Pattern LIST_PHRASE =
      Pattern.compile(
          "what (?:do|should|must|else do) i (?:have |need |got )?to do|what(?:'s| is)"
              + " (?:left|pending|next|due|on my (?:plate|list))|anything"
              + " (?:due|left|pending)|\\boverdue\\b",
          FLAGS);
  private static final Pattern LIST_ALONE =
      Pattern.compile(
          "^(?:(?:my|all|open|done|completed|pending)\\s+)*(?:tasks?|todos?|to-dos?)$", FLAGS);
  private static final Pattern THANKS =
      Pattern.compile(
          "^(?:thanks|thank you|thx|ty|cheers|great|cool|perfect|nice|awesome)(?: so much| a"
              + " lot)?$",
          FLAGS);
  private static final Pattern DONE =
      Pattern.compile("\\b(?:done|completed?|finished|closed)\\b", FLAGS);
  private static final Pattern ALL = Pattern.compile("\\b(?:all|every|everything)\\b", FLAGS);
  private static final Pattern LEVEL =
      Pattern.compile("\\b(high|low|medium|urgent|important)\\b", FLAGS);
  private static final Pattern DUE = Pattern.compile("\\bdue\\b", FLAGS);

  private final DatePhrases dates;
  private final TargetCommands targets;

  CommandParser(DatePhrases dates) {
    this.dates = dates;
    this.targets = new TargetCommands(dates);
  }

  Intent parse(String message) {
    String text = normalise(message);
    if (THANKS.matcher(text).matches()) {
      return new Intent.Say("You're welcome!");
    }
    if (ADD_VERB.matcher(text).find()) {
      return add(text);
    }
    Optional<Intent> targeted = targets.parse(text);
    if (targeted.isPresent()) {
      return targeted.get();
    }
    Matcher search = SEARCH.matcher(text);
    if (search.matches()) {
      return search(search.group(1) != null ? search.group(1) : search.group(2), text);
    }
    if ((LIST_VERB.matcher(text).find() && LIST_NOUN.matcher(text).find())
        || LIST_PHRASE.matcher(text).find()
        || LIST_ALONE.matcher(text).matches()) {
      return list(text);
    }
    return new Intent.Help();
  }

  static String normalise(String message) {
    String text = TaskPhrases.squeeze(message == null ? "" : message.replace('’', '\''));
    String before;
    do {
      before = text;
      text = POLITE_START.matcher(text).replaceFirst("");
      text = POLITE_END.matcher(text).replaceFirst("").strip();
    } while (!text.equals(before));
    return text;
  }

  private Intent add(String text) {
    Optional<DatePhrases.Found> date = dates.find(text);
    String rest = date.map(DatePhrases.Found::rest).orElse(text);
    TaskPhrases.Taken<String> note = TaskPhrases.note(rest);
    TaskPhrases.Taken<String> priority = TaskPhrases.priority(note.rest());
    TaskPhrases.Taken<List<String>> tags = TaskPhrases.tags(priority.rest());
    String words = ADD_WORDS.matcher(tags.rest()).replaceFirst("");
    String title = TaskPhrases.title(TO_MY_LIST.matcher(words).replaceFirst(""));
    if (title.isEmpty()) {
      return new Intent.Say("What should the task say? For example: “add buy milk tomorrow”.");
    }
    return new Intent.Add(
        title,
        note.value(),
        priority.value(),
        date.map(DatePhrases.Found::due).orElse(null),
        tags.value());
  }

  private Intent search(String words, String text) {
    String query = TaskPhrases.target(words);
    if (query.startsWith("#")
        || LEVEL.matcher(query).matches()
        || query.matches(
            "(?i)(?:tagged .+|(?:high|low|medium) priority|open|done|completed|pending|all)")) {
      return list(text);
    }
    return query.isEmpty()
        ? new Intent.Say("What should I look for? For example: “find tasks about milk”.")
        : new Intent.Search(query);
  }

  private Intent list(String text) {
    String status = DONE.matcher(text).find() ? "done" : ALL.matcher(text).find() ? "all" : "open";
    Matcher level = LEVEL.matcher(text);
    String priority = level.find() ? TaskPhrases.level(level.group(1)) : null;
    List<String> tags = TaskPhrases.tags(text).value();
    String dueBefore = null;
    if (text.toLowerCase(Locale.ROOT).contains("overdue")) {
      dueBefore = dates.today().toString();
      status = "open";
    } else if (DUE.matcher(text).find()) {
      dueBefore =
          dates
              .find(text)
              .filter(found -> found.due().length() == 10)
              .map(found -> LocalDate.parse(found.due()).plusDays(1).toString())
              .orElse(null);
    }
    return new Intent.ListTasks(status, priority, tags.isEmpty() ? null : tags.get(0), dueBefore);
  }
}
