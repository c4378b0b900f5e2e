package dev.tasktalk.domain.thread;

import dev.tasktalk.domain.shared.Ids;

/** Identity of a chat thread, e.g. {@code thr_4f1c2a9b0d3e5f67}. */
public record ThreadId(String value) {

  public ThreadId {
    if (!Ids.isValid(value)) {
      throw new IllegalArgumentException("invalid thread id");
    }
  }

  public static ThreadId generate() {
    return new ThreadId(Ids.generate("thr"));
  }

  /**
   * Client text naming a thread: anything malformed names no thread of theirs, so it is not found.
   */
  public static ThreadId parse(String text) {
    if (!Ids.isValid(text)) {
      throw new ThreadNotFoundException(text);
    }
    return new ThreadId(text);
  }

  @Override
  public String toString() {
    return value;
  }
}
