package dev.tasktalk.application.service.agent;

/**
 * Which writing system a text is in, as far as the handoff to the Urdu specialist needs to know.
 */
final class Scripts {

  private Scripts() {}

  /** Whether more than half of the letters are in the Arabic script, which Urdu is written in. */
  static boolean mostlyUrdu(String text) {
    if (text == null) {
      return false;
    }
    long letters = text.codePoints().filter(Character::isLetter).count();
    long arabic =
        text.codePoints()
            .filter(Character::isLetter)
            .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)
            .count();
    return letters > 0 && arabic * 2 > letters;
  }
}
