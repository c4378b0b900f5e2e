package dev.tasktalk.domain.shared;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Prefixed random ids in the ChatKit style ({@code thr_…}, {@code msg_…}) and the rule they follow.
 */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

  private Ids() {}

  /** {@code prefix_} followed by 16 random hex digits. */
  public static String generate(String prefix) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return prefix + "_" + HexFormat.of().formatHex(bytes);
  }

  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }
}
