package dev.tasktalk.domain.shared;

/**
 * The one rule every stored text obeys: no NUL character (U+0000), which PostgreSQL can hold in
 * neither {@code text} nor {@code jsonb}. A NUL is refused, not stripped, so what is stored is
 * exactly what the client sent.
 */
public final class StoredText {

  private StoredText() {}

  /**
   * {@code value} unchanged; {@link InvalidInputException} naming {@code field} when it holds a
   * NUL.
   */
  public static String check(String field, String value) {
    if (value != null && value.indexOf('\0') >= 0) {
      throw new InvalidInputException(field, nulMessage(field));
    }
    return value;
  }

  /**
   * The message for a NUL in {@code field}, for parsers that find it before a domain object does.
   */
  public static String nulMessage(String field) {
    return field + " must not contain NUL characters (U+0000)";
  }
}
