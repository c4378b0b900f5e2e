package dev.tasktalk.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void givenNothingSet_portAndDataDirectory_haveDefaults() {
    Settings settings = new Settings(Map.of(), Map.of());

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.dataDirectory()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(settings.databaseFsync()).isTrue();
  }

  @Test
  void givenEnvironmentAndSystemProperty_get_prefersTheSystemProperty() {
    Settings settings = new Settings(Map.of("PORT", "9000"), Map.of("PORT", "9001"));

    assertThat(settings.port()).isEqualTo(9001);
  }

  @Test
  void givenRelativeDataDirectory_dataDirectory_isAbsoluteAndNormalized() {
    Settings settings = new Settings(Map.of("TASKTALK_DATA_DIR", "./x/../state"), Map.of());

    assertThat(settings.dataDirectory()).isEqualTo(Path.of("state").toAbsolutePath());
  }

  @Test
  void givenInvalidPort_port_explains() {
    assertThatThrownBy(() -> new Settings(Map.of("PORT", "80a"), Map.of()).port())
        .isInstanceOf(LaunchException.class)
        .hasMessage("PORT must be a number from 1 to 65535, got '80a'");
    assertThatThrownBy(() -> new Settings(Map.of("PORT", "70000"), Map.of()).port())
        .isInstanceOf(LaunchException.class);
  }

  @Test
  void givenFsyncOnOrOff_databaseFsync_followsIt() {
    assertThat(new Settings(Map.of("TASKTALK_DB_FSYNC", "off"), Map.of()).databaseFsync())
        .isFalse();
    assertThat(new Settings(Map.of("TASKTALK_DB_FSYNC", " OFF "), Map.of()).databaseFsync())
        .isFalse();
    assertThat(
            new Settings(Map.of("TASKTALK_DB_FSYNC", "off"), Map.of("TASKTALK_DB_FSYNC", "on"))
                .databaseFsync())
        .isTrue();
  }

  @Test
  void givenInvalidFsync_databaseFsync_explains() {
    assertThatThrownBy(
            () -> new Settings(Map.of("TASKTALK_DB_FSYNC", "false"), Map.of()).databaseFsync())
        .isInstanceOf(LaunchException.class)
        .hasMessage("TASKTALK_DB_FSYNC must be on or off, got 'false'");
  }
}
