package dev.tasktalk.adapter.out.llm.offline;

/**
 * The offline model's help: what it is (rule-based, no AI model configured), the commands it
 * understands, and the settings that switch on a real model. In Urdu too, for messages in Urdu
 * script.
 */
final class HelpReplies {

  private static final String ENGLISH =
      """
      I'm Tasktalk's offline assistant: rule-based, with no AI model configured, so I understand only \
      simple commands like these:
      - “add a task to buy milk tomorrow” (or “remind me to call mum on friday”, “add a high priority \
      task to pay rent by 2026-12-01”)
      - “show my open tasks” or “show done tasks”
      - “find tasks about milk”
      - “mark buy milk as done”
      - “rename buy milk to buy oat milk” or “move buy milk to friday”
      - “delete the milk task”
      To chat with a real model, set LLM_PROVIDER, LLM_API_KEY and LLM_MODEL (or LLM_BASE_URL for \
      Ollama or vLLM) and restart Tasktalk.\
      """;

  private static final String URDU =
      "میں Tasktalk کا آف لائن معاون ہوں: قواعد پر مبنی، کوئی AI ماڈل ترتیب نہیں دیا گیا، اس لیے"
          + " میں ابھی صرف سادہ انگریزی احکامات سمجھتا ہوں، جیسے “add buy milk tomorrow”۔ اصل ماڈل"
          + " کے لیے LLM_PROVIDER، LLM_API_KEY اور LLM_MODEL سیٹ کریں۔";

  private HelpReplies() {}

  static String english() {
    return ENGLISH;
  }

  /** The Urdu sentence, then the English help below it. */
  static String urdu() {
    return URDU + "\n\n" + ENGLISH;
  }

  /** Whether a message is written in Urdu (Arabic) script: more such letters than Latin ones. */
  static boolean isUrdu(String text) {
    int arabic = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (Character.isLetter(c)) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        arabic += script == Character.UnicodeScript.ARABIC ? 1 : 0;
        latin += script == Character.UnicodeScript.LATIN ? 1 : 0;
      }
      i += Character.charCount(c);
    }
    return arabic > 0 && arabic >= latin;
  }
}
