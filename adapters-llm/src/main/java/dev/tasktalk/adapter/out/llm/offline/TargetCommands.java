package dev.tasktalk.adapter.out.llm.offline;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands that act on an existing task named in the message: change ("rename X to Y", "change
 * X to Y", "make X high priority", "move X to friday"), complete ("mark X as done", "complete X",
 * "I bought milk… done") and delete ("delete X", "remove X").
 */
final class TargetCommands {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final String Q = "[\"“”‘’']";
  private static final Pattern RENAME_QUOTED =
      Pattern.compile(
          "^(?:rename|retitle|change|update|edit)\\s+"
              + "(?:the\\s+)?(?:task\\s+)?"
              + Q
              + "(.+?)"
              + Q
              + "\\s+(?:to|as|into)\\s+(.+)$",
          FLAGS);
  private static final Pattern RENAME =
      Pattern.compile("^(?:rename|retitle)\\s+(.+?)\\s+(?:to|as|into)\\s+(.+)$", FLAGS);
  private static final Pattern CHANGE =
      Pattern.compile(
          "^(?:change|update|edit|set)\\s+(?:the\\s+)?"
              + "(?:(title|name|priority|due date|deadline)\\s+(?:of|for|on)\\s+)?(.+?)(?:'s)?"
              + "(?:\\s+(title|name|priority|due date|deadline))?\\s+to\\s+(.+)$",
          FLAGS);
  private static final Pattern MAKE_PRIORITY =
      Pattern.compile(
          "^(?:make|mark|set|flag)\\s+(.+?)\\s+"
              + "(?:as\\s+)?(?:an?\\s+)?(high|low|medium|urgent|important)(?:[\\s-]+priority)?(?:\\s+task)?$",
          FLAGS);
  private static final Pattern PRIORITY_VALUE =
      Pattern.compile(
          "^(?:an?\\s+)?(?:(high|low|medium|urgent|important)(?:[\\s-]+priority)?|priority\\s+(high|low|medium))$",
          FLAGS);
  private static final Pattern MOVE =
      Pattern.compile(
          "^(?:move|reschedule|postpone|push|defer|delay)\\s+(.+?)\\s+(?:to|until|till|for)\\s+(.+)$",
          FLAGS);
  private static final Pattern[] COMPLETE = {
    Pattern.compile(
        "^(?:mark|set)\\s+(.+?)\\s+(?:as\\s+)?(?:done|complete|completed|finished)$", FLAGS),
    Pattern.compile("^(?:complete|finish|close|check off|tick off|cross off)\\s+(.+)$", FLAGS),
    Pattern.compile("^(?:check|tick|cross)\\s+(.+?)\\s+off$", FLAGS),
    Pattern.compile("^(?:i'?m|i am)\\s+(?:done|finished)\\s+with\\s+(.+)$", FLAGS),
    Pattern.compile("^done\\s*[:,-]\\s*(.+)$", FLAGS),
    Pattern.compile(
        "^(?!(?:what|which|who|how|my|all|the)\\b)(.+?)\\s+(?:is|are)\\s+(?:now\\s+)?"
            + "(?:done|complete|completed|finished)$",
        FLAGS)
  };
  private static final Pattern DELETE =
      Pattern.compile(
          "^(?:delete|remove|erase|trash|drop|discard|scrap|" + "cancel|get rid of)\\s+(.+)$",
          FLAGS);
  private static final Pattern PAST =
      Pattern.compile(
          "^i(?:'ve|\\s+have)?(?:\\s+(?:just|already|finally))?" + "\\s+([\\p{L}]+)\\s+(.+)$",
          FLAGS);
  private static final Pattern DONE_MARKER =
      Pattern.compile("\\b(?:done|finished|completed?)\\b", FLAGS);
  private static final Pattern PAST_TAIL =
      Pattern.compile(
          "(?:[\\s,.;:!…—–-]+|\\b(?:it'?s|that'?s|all|"
              + "now|already|today|done|finished|completed?|so|mark it|tick it off|at last)\\b)+$",
          FLAGS);
  private static final Set<String> PAST_VERBS =
      Set.of(
          "bought",
          "paid",
          "did",
          "made",
          "sent",
          "got",
          "wrote",
          "took",
          "gave",
          "fed",
          "read",
          "met",
          "sold",
          "found",
          "brought",
          "went",
          "ate",
          "ran",
          "kept",
          "put",
          "rang",
          "swept",
          "called",
          "emailed",
          "texted",
          "booked",
          "cleaned",
          "fixed",
          "washed",
          "picked",
          "finished",
          "completed",
          "submitted",
          "renewed",
          "ordered",
          "posted",
          "cooked",
          "walked",
          "watered",
          "returned",
          "printed",
          "signed",
          "packed",
          "visited",
          "replied",
          "answered",
          "mowed",
          "vacuumed",
          "delivered",
          "filed",
          "handed",
          "tidied",
          "collected",
          "dropped",
          "mailed");
  private static final Set<String> EVERYTHING =
      Set.of(
          "all", "everything", "all tasks", "all of them", "them", "it", "them all", "every task");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);

  private final DatePhrases dates;

  TargetCommands(DatePhrases dates) {
    this.dates = dates;
  }

  /**
   * The intent of a message that acts on one task, or empty when the message is no such command.
   */
  Optional<Intent> parse(String text) {
    Matcher m;
    if ((m = RENAME_QUOTED.matcher(text)).matches() || (m = RENAME.matcher(text)).matches()) {
      return Optional.of(change(m.group(1), null, m.group(2)));
    }
    if ((m = CHANGE.matcher(text)).matches()) {
      String field = m.group(1) != null ? m.group(1) : m.group(3);
      return Optional.of(change(m.group(2), field, m.group(4)));
    }
    if ((m = MAKE_PRIORITY.matcher(text)).matches()) {
      String level = TaskPhrases.level(m.group(2));
      return Optional.of(targeted(m.group(1), t -> new Intent.Update(t, null, level, null)));
    }
    if ((m = MOVE.matcher(text)).matches()) {
      return Optional.of(change(m.group(1), "due date", m.group(2)));
    }
    for (Pattern pattern : COMPLETE) {
      if ((m = pattern.matcher(text)).matches()) {
        return Optional.of(targeted(m.group(1), Intent.Complete::new));
      }
    }
    if ((m = DELETE.matcher(text)).matches()) {
      return Optional.of(targeted(m.group(1), Intent.Delete::new));
    }
    return past(text);
  }

  /** "I bought milk… done": a past-tense verb, then the task's words. */
  private Optional<Intent> past(String text) {
    Matcher m = PAST.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String verb = m.group(1).toLowerCase(Locale.ROOT);
    boolean marked = DONE_MARKER.matcher(m.group(2)).find();
    if (!PAST_VERBS.contains(verb) && !(verb.endsWith("ed") && marked)) {
      return Optional.empty();
    }
    String words = PAST_TAIL.matcher(m.group(2)).replaceFirst("");
    return Optional.of(targeted(words, Intent.Complete::new));
  }

  private Intent change(String target, String field, String value) {
    String raw = TaskPhrases.unquote(value.replaceAll("[\\s.!?…]+$", ""));
    Matcher priority = PRIORITY_VALUE.matcher(raw);
    boolean dueField = field != null && field.toLowerCase(Locale.ROOT).matches("due date|deadline");
    boolean priorityField = field != null && field.equalsIgnoreCase("priority");
    if (priorityField || (!dueField && priority.matches())) {
      String level =
          priority.matches()
              ? TaskPhrases.level(priority.group(1) != null ? priority.group(1) : priority.group(2))
              : null;
      return level == null
          ? new Intent.Say("Priorities are low, medium or high.")
          : targeted(target, t -> new Intent.Update(t, null, level, null));
    }
    Optional<String> due = dates.whole(raw);
    if (dueField || due.isPresent()) {
      return due.<Intent>map(d -> targeted(target, t -> new Intent.Update(t, null, null, d)))
          .orElse(
              new Intent.Say(
                  "I didn't catch the date. Try “today”, “friday”, “in 3 days” or 2026-12-01."));
    }
    String title = TaskPhrases.title(raw);
    return title.isEmpty()
        ? new Intent.Say("What should the new title be?")
        : targeted(target, t -> new Intent.Update(t, title, null, null));
  }

  private static Intent targeted(String words, Function<Target, Intent> intent) {
    String target = TaskPhrases.target(words);
    Matcher id = UUID.matcher(target);
    if (id.matches()) {
      return intent.apply(Target.byId(id.group()));
    }
    if (target.isEmpty() || EVERYTHING.contains(target.toLowerCase(Locale.ROOT))) {
      return new Intent.Say(
          "Which task do you mean? Offline I work on one task at a time, named by "
              + "its words, for example: “complete buy milk”.");
    }
    return intent.apply(Target.of(target));
  }
}
