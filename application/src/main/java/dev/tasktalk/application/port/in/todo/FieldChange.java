package dev.tasktalk.application.port.in.todo;

import java.util.function.Consumer;

/**
 * One field of a partial update: either left alone, or set to a value (null clears optional
 * fields). This is what tells "not sent" apart from "sent as null" in a PATCH.
 */
public record FieldChange<T>(boolean present, T value) {

  private static final FieldChange<?> KEEP = new FieldChange<>(false, null);

  @SuppressWarnings("unchecked")
  public static <T> FieldChange<T> keep() {
    return (FieldChange<T>) KEEP;
  }

  public static <T> FieldChange<T> to(T value) {
    return new FieldChange<>(true, value);
  }

  public void ifPresent(Consumer<T> action) {
    if (present) {
      action.accept(value);
    }
  }
}
