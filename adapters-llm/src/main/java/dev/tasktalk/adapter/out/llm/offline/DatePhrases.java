package dev.tasktalk.adapter.out.llm.offline;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first date phrase in a message and turns it into an ISO date (or date-time, when one
 * was given) relative to today on the clock: ISO dates, today, tomorrow, the day after tomorrow,
 * weekday names (the next such day, never today), next week (next Monday), the weekend, next month
 * and "in N days/weeks/months". A leading "on", "by", "due", … belongs to the phrase. A time ("at
 * 5pm", "at 17:30", "at noon") makes it a date-time in the clock's zone, today or, once past,
 * tomorrow.
 */
final class DatePhrases {

  /** A date phrase found: the due value and the message without the phrase. */
  record Found(String due, String rest) {}

  private record Rule(Pattern pattern, Function<Matcher, Optional<String>> due) {}

  private static final String LEAD = "(?:\\b(?:due|by|on|for|before|until|till|at)\\s+)?";
  private static final Map<String, Integer> NUMBERS =
      Map.ofEntries(
          Map.entry("a", 1),
          Map.entry("an", 1),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("a couple of", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10));

  private static final Pattern TIME =
      Pattern.compile(
          "\\b(?:at|by|@)\\s*(?:(\\d{1,2})(?::(\\d{2}))?"
              + "\\s*(am|pm|a\\.m\\.|p\\.m\\.)?(?![\\w:])|(noon|midday)\\b)",
          Pattern.CASE_INSENSITIVE);

  private final Clock clock;
  private final List<Rule> rules;

  DatePhrases(Clock clock) {
    this.clock = clock;
    this.rules =
        List.of(
            rule(
                "\\b(\\d{4}-\\d{2}-\\d{2}[t"
                    + " ]\\d{2}:\\d{2}(?::\\d{2})?(?:z|[+-]\\d{2}:\\d{2})?)(?![\\w:])",
                m -> dateTime(m.group(1))),
            rule("\\b(\\d{4}-\\d{2}-\\d{2})\\b", m -> date(m.group(1))),
            rule("\\b(?:the\\s+)?day after tomorrow\\b", m -> days(2)),
            rule("\\b(?:today|tonight|this (?:morning|afternoon|evening))\\b", m -> days(0)),
            rule("\\b(?:tomorrow|tmrw)\\b", m -> days(1)),
            rule(
                "\\bnext week\\b",
                m -> iso(today().with(TemporalAdjusters.next(DayOfWeek.MONDAY)))),
            rule("\\bnext month\\b", m -> iso(today().plusMonths(1).withDayOfMonth(1))),
            rule(
                "\\b(?:this |the )?weekend\\b",
                m -> iso(today().with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)))),
            rule(
                "\\bin (\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a couple of)"
                    + " (day|week|month)s?\\b",
                m -> in(m.group(1), m.group(2))),
            rule(
                "\\b(?:(this|next|coming|the)\\s+)?"
                    + "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b",
                m -> weekday(m.group(1), m.group(2))));
  }

  private static Rule rule(String regex, Function<Matcher, Optional<String>> due) {
    return new Rule(Pattern.compile(LEAD + regex, Pattern.CASE_INSENSITIVE), due);
  }

  Optional<Found> find(String text) {
    Optional<Found> day = day(text);
    String rest = day.map(Found::rest).orElse(text);
    Matcher time = TIME.matcher(rest);
    if ((day.isPresent() && day.get().due().length() > 10) || !time.find()) {
      return day;
    }
    Optional<LocalTime> at = time(time);
    if (at.isEmpty()) {
      return day;
    }
    LocalDate date =
        day.map(found -> LocalDate.parse(found.due()))
            .orElse(at.get().isAfter(LocalTime.now(clock)) ? today() : today().plusDays(1));
    LocalDateTime local = date.atTime(at.get());
    String due =
        local
            .atOffset(clock.getZone().getRules().getOffset(local))
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    return Optional.of(new Found(due, remove(rest, time)));
  }

  private Optional<Found> day(String text) {
    for (Rule rule : rules) {
      Matcher matcher = rule.pattern().matcher(text);
      while (matcher.find()) {
        Optional<String> due = rule.due().apply(matcher);
        if (due.isPresent()) {
          return Optional.of(new Found(due.get(), remove(text, matcher)));
        }
      }
    }
    return Optional.empty();
  }

  /** The due value when the whole text is one date phrase (as in "move X to friday"). */
  Optional<String> whole(String text) {
    return find(text).filter(found -> found.rest().isBlank()).map(Found::due);
  }

  /** A time of day after "at", "by" or "@": with am/pm, with minutes, or noon. */
  private static Optional<LocalTime> time(Matcher m) {
    if (m.group(4) != null) {
      return Optional.of(LocalTime.NOON);
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    String half = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT).replace(".", "");
    if (minute > 59 || (half.isEmpty() ? m.group(2) == null || hour > 23 : hour < 1 || hour > 12)) {
      return Optional.empty();
    }
    return Optional.of(
        LocalTime.of(
            half.equals("pm") ? hour % 12 + 12 : half.equals("am") ? hour % 12 : hour, minute));
  }

  private static String remove(String text, Matcher matcher) {
    return (text.substring(0, matcher.start()) + " " + text.substring(matcher.end()))
        .replaceAll("\\s+", " ")
        .strip();
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  private Optional<String> days(int days) {
    return iso(today().plusDays(days));
  }

  private Optional<String> in(String amount, String unit) {
    String key = amount.toLowerCase(Locale.ROOT);
    int n = NUMBERS.containsKey(key) ? NUMBERS.get(key) : Integer.parseInt(key);
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "week" -> iso(today().plusWeeks(n));
      case "month" -> iso(today().plusMonths(n));
      default -> iso(today().plusDays(n));
    };
  }

  private Optional<String> weekday(String qualifier, String name) {
    DayOfWeek day = DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
    boolean thisDay = qualifier != null && qualifier.equalsIgnoreCase("this");
    return iso(
        today().with(thisDay ? TemporalAdjusters.nextOrSame(day) : TemporalAdjusters.next(day)));
  }

  private static Optional<String> date(String text) {
    try {
      return iso(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> dateTime(String text) {
    String value = text.replace(' ', 'T').toUpperCase(Locale.ROOT);
    try {
      OffsetDateTime.parse(value);
      return Optional.of(value);
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime.parse(value);
        return Optional.of(value);
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }

  private static Optional<String> iso(LocalDate date) {
    return Optional.of(date.toString());
  }
}
