package dev.tasktalk.adapter.out.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatePhrasesTest {

  private final DatePhrases dates = new DatePhrases(OfflineChat.CLOCK);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          buy milk today                      | 2026-11-22 | buy milk
          buy milk tonight                    | 2026-11-22 | buy milk
          buy milk tomorrow                   | 2026-11-23 | buy milk
          buy milk the day after tomorrow     | 2026-11-24 | buy milk
          call mum on friday                  | 2026-11-27 | call mum
          call mum Friday                     | 2026-11-27 | call mum
          call mum next friday                | 2026-11-27 | call mum
          call mum on sunday                  | 2026-11-29 | call mum
          call mum this sunday                | 2026-11-22 | call mum
          clean up next week                  | 2026-11-23 | clean up
          clean up in 3 days                  | 2026-11-25 | clean up
          clean up in two weeks               | 2026-12-06 | clean up
          clean up in a month                 | 2026-12-22 | clean up
          clean up next month                 | 2026-12-01 | clean up
          clean up this weekend               | 2026-11-28 | clean up
          pay rent by 2026-12-01              | 2026-12-01 | pay rent
          pay rent due 2026-12-01T09:30       | 2026-12-01T09:30 | pay rent
          pay rent on 2026-12-01T09:30:00Z    | 2026-12-01T09:30:00Z | pay rent
          call mum tomorrow at 5pm            | 2026-11-23T17:00:00Z | call mum
          call mum on friday at 9:30 am       | 2026-11-27T09:30:00Z | call mum
          call mum at 17:45                   | 2026-11-22T17:45:00Z | call mum
          call mum at 8am                     | 2026-11-23T08:00:00Z | call mum
          lunch with Ann at noon              | 2026-11-22T12:00:00Z | lunch with Ann
          """)
  void givenDatePhrase_find_resolvesAgainstTheClockAndRemovesIt(
      String text, String due, String rest) {
    assertThat(dates.find(text)).hasValue(new DatePhrases.Found(due, rest));
  }

  @Test
  void givenImpossibleIsoDate_find_findsNothing() {
    assertThat(dates.find("pay rent by 2026-13-45")).isEmpty();
  }

  @Test
  void givenNumberThatIsNoTime_find_keepsTheDayAndTheNumber() {
    assertThat(dates.find("meet at 15 Main Street tomorrow"))
        .hasValue(new DatePhrases.Found("2026-11-23", "meet at 15 Main Street"));
  }

  @Test
  void givenZonedClock_find_givesTimesWithThatZonesOffset() {
    DatePhrases berlin =
        new DatePhrases(OfflineChat.CLOCK.withZone(java.time.ZoneId.of("Europe/Berlin")));

    assertThat(berlin.find("call mum tomorrow at 5pm"))
        .hasValue(new DatePhrases.Found("2026-11-23T17:00:00+01:00", "call mum"));
  }

  @Test
  void givenNoDatePhrase_find_findsNothing() {
    assertThat(dates.find("buy milk")).isEmpty();
  }

  @Test
  void givenTextWithMoreThanADate_whole_findsNothing() {
    assertThat(dates.whole("friday")).hasValue("2026-11-27");
    assertThat(dates.whole("friday lunch")).isEmpty();
  }
}
