package dev.tasktalk.launcher;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Parses {@code DATABASE_URL}: a libpq URL ({@code postgresql://user:pass@host:port/db?params} or
 * {@code postgres://...}) or a JDBC URL. Credentials in the URL win; {@code DATABASE_USER} and
 * {@code DATABASE_PASSWORD} fill the gaps. Error messages never repeat the URL, which may hold a
 * password.
 */
final class DatabaseUrl {

  private static final String JDBC = "jdbc:postgresql:";
  private static final String ENCODE_HINT =
      "; percent-encode special characters in the user name"
          + " and password ('@' as %40, '/' as %2F, ':' as %3A, '?' as %3F, '#' as %23)";

  private DatabaseUrl() {}

  static DatabaseConnection parse(String url, String fallbackUser, String fallbackPassword) {
    String trimmed = url.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith(JDBC)) {
      return parseJdbc(trimmed, fallbackUser, fallbackPassword);
    }
    for (String scheme : new String[] {"postgresql://", "postgres://"}) {
      if (lower.startsWith(scheme)) {
        return parseLibpq(trimmed.substring(scheme.length()), fallbackUser, fallbackPassword);
      }
    }
    throw new LaunchException(
        "DATABASE_URL must start with postgresql://, postgres:// or"
            + " jdbc:postgresql:// (for example postgresql://user:password@host:5432/tasktalk)");
  }

  private static DatabaseConnection parseLibpq(
      String rest, String userFallback, String pwFallback) {
    int question = rest.indexOf('?');
    String query = question < 0 ? "" : rest.substring(question + 1);
    String beforeQuery = question < 0 ? rest : rest.substring(0, question);
    int at = beforeQuery.lastIndexOf('@');
    int slash = beforeQuery.indexOf('/', at + 1);
    String userInfo = at < 0 ? "" : beforeQuery.substring(0, at);
    String hosts = beforeQuery.substring(at + 1, slash < 0 ? beforeQuery.length() : slash);
    String database = slash < 0 ? "" : beforeQuery.substring(slash + 1);
    if (hosts.isEmpty()) {
      throw new LaunchException(
          "DATABASE_URL has no host (postgresql://user:password@HOST:5432/db)");
    }
    checkHosts(hosts);
    if (database.isEmpty()) {
      throw new LaunchException(
          "DATABASE_URL has no database name (postgresql://user:password@host:5432/DATABASE)");
    }
    int colon = userInfo.indexOf(':');
    String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
    String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1), "password");
    String jdbcUrl =
        "jdbc:postgresql://" + hosts + "/" + database + (query.isEmpty() ? "" : "?" + query);
    String effectiveUser = user.isEmpty() ? userFallback : user;
    String location = hosts + "/" + decode(database, "database name");
    return external(jdbcUrl, effectiveUser, password.isEmpty() ? pwFallback : password, location);
  }

  private static DatabaseConnection external(
      String jdbcUrl, String user, String password, String location) {
    return new DatabaseConnection(
        DatabaseConnection.Mode.EXTERNAL,
        jdbcUrl,
        user,
        password,
        "external PostgreSQL at " + location + (user == null ? "" : " as " + user));
  }

  private static void checkHosts(String hosts) {
    for (String host : hosts.split(",", -1)) {
      int close = host.lastIndexOf(']');
      int colon = host.indexOf(':', close + 1);
      String name = colon < 0 ? host : host.substring(0, colon);
      if (name.isEmpty() || (host.startsWith("[") && close < 0)) {
        throw new LaunchException("DATABASE_URL has an empty or malformed host" + ENCODE_HINT);
      }
      if (colon >= 0 && !isPort(host.substring(colon + 1))) {
        throw new LaunchException("DATABASE_URL has an invalid port after the host" + ENCODE_HINT);
      }
    }
  }

  private static boolean isPort(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int port = Integer.parseInt(text);
    return port >= 1 && port <= 65535;
  }

  private static DatabaseConnection parseJdbc(String url, String fallbackUser, String fallbackPw) {
    String rest = url.substring(JDBC.length());
    int question = rest.indexOf('?');
    String location = question < 0 ? rest : rest.substring(0, question);
    String query = question < 0 ? "" : rest.substring(question + 1);
    String shown = location.startsWith("//") ? location.substring(2) : location;
    if (shown.isEmpty() || shown.equals("/")) {
      throw new LaunchException(
          "DATABASE_URL has no host or database after jdbc:postgresql:"
              + " (for example jdbc:postgresql://host:5432/tasktalk)");
    }
    String user = queryParameter(query, "user", fallbackUser);
    return external(url, user, queryParameter(query, "password", fallbackPw), shown);
  }

  private static String queryParameter(String query, String name, String fallback) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=") && pair.length() > name.length() + 1) {
        return decode(pair.substring(name.length() + 1), name);
      }
    }
    return fallback;
  }

  /** Percent-decoding as URIs define it: unlike form decoding, '+' stays '+'. */
  static String decode(String text, String what) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      int percent = text.indexOf('%', i);
      int end = percent < 0 ? text.length() : percent;
      bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
      if (percent < 0) {
        break;
      }
      int high = percent + 2 < text.length() ? Character.digit(text.charAt(percent + 1), 16) : -1;
      int low = high < 0 ? -1 : Character.digit(text.charAt(percent + 2), 16);
      if (low < 0) {
        throw new LaunchException(
            "DATABASE_URL has a malformed %-escape in the "
                + what
                + " (a '%' must be followed by two hex digits; write '%' itself as %25)");
      }
      bytes.write(high * 16 + low);
      i = percent + 3;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
