package dev.tasktalk.application.port.out.persistence;

import java.util.List;

/** A page of results in a requested order and whether more follow the last one. */
public record Page<T>(List<T> data, boolean hasMore) {

  public Page {
    data = List.copyOf(data);
  }
}
