package dev.tasktalk.adapter.in.rest.common;

import java.math.BigInteger;

/** Reads a {@code limit} query parameter; a bad one is a {@link RequestException} naming it. */
public final class PageSizes {

  private PageSizes() {}

  /** The page size, capped at {@code max} rather than refused; null when absent or blank. */
  public static Integer limit(String limit, int max) {
    if (limit == null || limit.isBlank()) {
      return null;
    }
    BigInteger value;
    try {
      value = new BigInteger(limit.strip());
    } catch (NumberFormatException e) {
      throw RequestException.invalid("limit", "limit must be a whole number");
    }
    if (value.signum() <= 0) {
      throw RequestException.invalid("limit", "limit must be at least 1");
    }
    return value.min(BigInteger.valueOf(max)).intValue();
  }
}
