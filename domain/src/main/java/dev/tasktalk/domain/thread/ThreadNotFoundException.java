package dev.tasktalk.domain.thread;

import dev.tasktalk.domain.shared.NotFoundException;

/** No thread with this id belongs to the caller. */
public class ThreadNotFoundException extends NotFoundException {

  public ThreadNotFoundException(Object id) {
    super("thread " + id + " not found");
  }
}
