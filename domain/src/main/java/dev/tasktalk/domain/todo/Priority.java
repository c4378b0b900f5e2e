package dev.tasktalk.domain.todo;

import dev.tasktalk.domain.shared.InvalidInputException;
import java.util.Locale;

/** How urgent a task is; {@link #MEDIUM} unless the user says otherwise. */
public enum Priority {
  LOW,
  MEDIUM,
  HIGH;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Priority parse(String field, String text) {
    if (text != null) {
      for (Priority p : values()) {
        if (p.wireName().equalsIgnoreCase(text.trim())) {
          return p;
        }
      }
    }
    throw new InvalidInputException(field, field + " must be one of low, medium, high");
  }
}
