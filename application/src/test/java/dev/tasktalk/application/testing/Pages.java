package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.persistence.Page;
import java.util.List;

/**
 * Cuts one page off a list already filtered and sorted in the requested order, as the fakes need.
 */
final class Pages {

  private Pages() {}

  static <T> Page<T> first(List<T> ordered, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    return new Page<>(ordered.subList(0, Math.min(limit, ordered.size())), ordered.size() > limit);
  }
}
