package dev.tasktalk.application.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our JSON against Jackson (here only, at test scope): the ChatKit endpoint writes with Jackson, so
 * what the application writes must be the same bytes, and what Jackson refuses we refuse too.
 */
class JsonTest {

  private static final JsonMapper JACKSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private static String jackson(String text) {
    return JACKSON.writeValueAsString(JACKSON.readTree(text));
  }

  @Test
  void givenValidJson_writesWhatJacksonWrites() {
    List<String> corpus =
        List.of(
            "{}",
            "[]",
            "\"\"",
            "0",
            "-0",
            "12345678901234567890123",
            "-17",
            "1.5",
            "1.50",
            "1e2",
            "1E-7",
            "0.1",
            "123456789.123",
            "1.0E23",
            "2e-3",
            "-0.0",
            "4.35",
            "100.0",
            "true",
            "false",
            "null",
            " { \"b\" : 1 , \"a\" : [ 1 , { } , [ ] , null ] } ",
            "{\"a\":1,\"a\":2,\"b\":3}",
            "\"quote \\\" backslash \\\\ slash \\/ \\b\\f\\n"
                + "\\r"
                + "\\t \\u0000 \\u001f \\u007f \\u00e9 \\u2028 \\ud83d\\ude00\"",
            "\"żółw 日本 😀 \u007f\"",
            "{\"content\":[{\"type\":\"input_text\",\"text\":\"Hi\"}],\"attachments\":[],\"inference_options\":{}}");
    for (String text : corpus) {
      assertThat(Json.write(Json.parse(text))).as(text).isEqualTo(jackson(text));
    }
  }

  @Test
  void givenRandomTrees_writesWhatJacksonWrites_andReadsItBack() {
    Random random = new Random(20261205);
    for (int i = 0; i < 2_000; i++) {
      JsonValue tree = randomValue(random, 0);
      String ours = Json.write(tree);
      assertThat(jackson(ours)).isEqualTo(ours);
      assertThat(Json.parse(ours)).isEqualTo(tree);
    }
  }

  @Test
  void givenMalformedJson_refusesWhatJacksonRefuses() {
    // Jackson reads empty text as no value at all rather than failing; we refuse it (it is not
    // JSON).
    assertThatThrownBy(() -> Json.parse(" ")).isInstanceOf(MalformedJsonException.class);
    List<String> corpus =
        List.of(
            "{",
            "}",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "'a'",
            "01",
            "+1",
            ".5",
            "1.",
            "1e",
            "-",
            "NaN",
            "Infinity",
            "tru",
            "nul",
            "\"unterminated",
            "\"tab\there\"",
            "\"\\x\"",
            "\"\\u12\"",
            "{} {}",
            "[1] x",
            "/* c */ 1",
            "{\"a\" 1}",
            "[1 2]");
    for (String text : corpus) {
      assertThatThrownBy(() -> JACKSON.readTree(text))
          .as("jackson " + text)
          .isInstanceOf(JacksonException.class);
      assertThatThrownBy(() -> Json.parse(text))
          .as(text)
          .isInstanceOf(MalformedJsonException.class);
    }
  }

  @Test
  void strictParsing_refusesADuplicateName_andDeepNestingIsRefused() {
    assertThatThrownBy(() -> Json.parseStrict("{\"a\":1,\"a\":2}"))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageContaining("duplicate member \"a\"");
    assertThat(Json.parse("{\"a\":1,\"a\":2}")).hasToString("{\"a\":2}");
    assertThatThrownBy(() -> Json.parse("[".repeat(1_001) + "]".repeat(1_001)))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageContaining("nesting");
  }

  @Test
  void paths_neverReturnNull_andReadLikeJacksonsTree() {
    JsonObject object =
        Json.parseObject(
            "{\"n\":3,\"f\":3.0,\"h\":3.5,\"s\":\"x\",\"b\":true,\"z\":null,\"a\":[1,2]}");

    assertThat(object.path("absent").path("deeper").path(3).isMissing()).isTrue();
    assertThat(object.path("absent").asString("fallback")).isEqualTo("fallback");
    assertThat(object.path("n").asInt(-1)).isEqualTo(3);
    assertThat(object.path("f").asInt(-1)).isEqualTo(3);
    assertThat(object.path("h").asInt(-1)).isEqualTo(-1);
    assertThat(((JsonValue.Num) object.path("f")).isIntegral()).isTrue();
    assertThat(object.text("s")).isEqualTo("x");
    assertThat(object.text("n")).isNull();
    assertThat(object.path("b").asBoolean(false)).isTrue();
    assertThat(object.path("z").isNull()).isTrue();
    assertThat(object.path("absent").isNull()).isFalse();
    assertThat(object.has("z")).isTrue();
    assertThat(object.path("a")).hasSize(2);
    assertThat(object.path("s")).isEmpty();
  }

  private static JsonValue randomValue(Random random, int depth) {
    int kind = random.nextInt(depth > 4 ? 5 : 7);
    return switch (kind) {
      case 0 -> JsonValue.of(randomString(random));
      case 1 -> JsonValue.of(random.nextLong() >> random.nextInt(64));
      case 2 ->
          Json.parse(Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)));
      case 3 -> JsonValue.of(random.nextBoolean());
      case 4 -> JsonValue.NULL;
      case 5 -> {
        JsonObject object = Json.object();
        for (int i = random.nextInt(5); i > 0; i--) {
          object.set(randomString(random), randomValue(random, depth + 1));
        }
        yield object;
      }
      default -> {
        JsonArray array = Json.array();
        for (int i = random.nextInt(5); i > 0; i--) {
          array.add(randomValue(random, depth + 1));
        }
        yield array;
      }
    };
  }

  private static String randomString(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      int pick = random.nextInt(10);
      text.append(
          pick < 4
              ? (char) random.nextInt(0x80)
              : pick < 7
                  ? (char) (0xA0 + random.nextInt(0x2000))
                  : pick < 9 ? "😀żół\"\\".charAt(random.nextInt(6)) : (char) random.nextInt(0x20));
    }
    return text.toString();
  }
}
