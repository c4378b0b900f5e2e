package dev.tasktalk.bench;

import java.util.Arrays;

/**
 * What the fake model saw and did for one conversation turn, in {@link System#nanoTime()} of the
 * benchmark's own process, so that it compares directly with what the clients saw.
 */
final class Trace {

  private volatile long toolRequestAt;
  private volatile long toolCallSentAt;
  private volatile long answerRequestAt;
  private final long[] tokenSentAt;

  Trace(int tokens) {
    this.tokenSentAt = new long[tokens];
  }

  void toolRequest(long at) {
    toolRequestAt = at;
  }

  void toolCallSent(long at) {
    toolCallSentAt = at;
  }

  void answerRequest(long at) {
    answerRequestAt = at;
  }

  void tokenSent(int index, long at) {
    tokenSentAt[index] = at;
  }

  long toolRequestAt() {
    return toolRequestAt;
  }

  long toolCallSentAt() {
    return toolCallSentAt;
  }

  long answerRequestAt() {
    return answerRequestAt;
  }

  /** When token {@code index} was written by the fake model, or 0 if it never was. */
  long tokenSentAt(int index) {
    return index < tokenSentAt.length ? tokenSentAt[index] : 0;
  }

  /** How many tokens the fake model actually wrote before the turn ended or was cut off. */
  long tokensSent() {
    return Arrays.stream(tokenSentAt).filter(at -> at != 0).count();
  }

  /** The model's own time to first token: from the answer request to writing the first token. */
  long modelFirstTokenNanos() {
    return tokenSentAt.length == 0 || tokenSentAt[0] == 0 ? 0 : tokenSentAt[0] - answerRequestAt;
  }
}
