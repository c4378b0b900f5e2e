package dev.tasktalk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one client saw of one streamed answer: when it asked, when each of the fake model's tokens
 * {@code w0 w1 …} arrived, the thread it belongs to and any error.
 */
final class Turn {

  private static final Pattern TOKEN = Pattern.compile("\\bw(\\d+)\\b");

  private final String key;
  private final long sentAt;
  private final long[] tokenAt;
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private volatile String threadId;
  private volatile int status;
  private volatile long endedAt;
  private volatile long firstEventAt;

  Turn(String key, int tokens, long sentAt) {
    this.key = key;
    this.tokenAt = new long[tokens];
    this.sentAt = sentAt;
  }

  /** Records the tokens in one text delta as arrived at {@code at}. */
  void delta(String text, long at) {
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      int index = Integer.parseInt(m.group(1));
      if (index < tokenAt.length && tokenAt[index] == 0) {
        tokenAt[index] = at;
      }
    }
  }

  /** Any event: the first one marks when the server opened the stream. */
  void event(long at) {
    if (firstEventAt == 0) {
      firstEventAt = at;
    }
  }

  long firstEventAt() {
    return firstEventAt;
  }

  void status(int code) {
    status = code;
  }

  void thread(String id) {
    threadId = id;
  }

  void error(String message) {
    errors.add(message);
  }

  void ended(long at) {
    endedAt = at;
  }

  String key() {
    return key;
  }

  long sentAt() {
    return sentAt;
  }

  long endedAt() {
    return endedAt;
  }

  String threadId() {
    return threadId;
  }

  int status() {
    return status;
  }

  List<String> errors() {
    return List.copyOf(errors);
  }

  long tokenAt(int index) {
    return tokenAt[index];
  }

  int expectedTokens() {
    return tokenAt.length;
  }

  int tokensReceived() {
    int n = 0;
    for (long at : tokenAt) {
      if (at != 0) {
        n++;
      }
    }
    return n;
  }

  /** Time to first token as the client saw it, or -1 without any token. */
  long firstTokenNanos() {
    return tokenAt.length == 0 || tokenAt[0] == 0 ? -1 : tokenAt[0] - sentAt;
  }

  /** Every gap between consecutive tokens that both arrived. */
  List<Long> gaps() {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < tokenAt.length; i++) {
      if (tokenAt[i] != 0 && tokenAt[i - 1] != 0) {
        gaps.add(tokenAt[i] - tokenAt[i - 1]);
      }
    }
    return gaps;
  }

  /** A turn that got HTTP 200, every token and no error event. */
  boolean complete() {
    return status == 200 && errors.isEmpty() && tokensReceived() == tokenAt.length;
  }
}
