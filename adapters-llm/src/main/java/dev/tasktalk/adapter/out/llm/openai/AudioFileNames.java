package dev.tasktalk.adapter.out.llm.openai;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * File extensions for recorded audio. Transcription APIs pick the decoder from the uploaded file's
 * name, so it must match what the browser recorded.
 */
final class AudioFileNames {

  private static final Map<String, String> EXTENSIONS =
      Map.ofEntries(
          Map.entry("audio/webm", "webm"),
          Map.entry("video/webm", "webm"),
          Map.entry("audio/mp4", "mp4"),
          Map.entry("video/mp4", "mp4"),
          Map.entry("audio/m4a", "m4a"),
          Map.entry("audio/x-m4a", "m4a"),
          Map.entry("audio/ogg", "ogg"),
          Map.entry("audio/opus", "ogg"),
          Map.entry("audio/wav", "wav"),
          Map.entry("audio/x-wav", "wav"),
          Map.entry("audio/wave", "wav"),
          Map.entry("audio/mpeg", "mpeg"),
          Map.entry("audio/mp3", "mp3"),
          Map.entry("audio/flac", "flac"),
          Map.entry("audio/x-flac", "flac"));

  private AudioFileNames() {}

  /** The media type without parameters: {@code audio/webm;codecs=opus} is {@code audio/webm}. */
  static String mediaType(String mimeType) {
    return mimeType == null ? "" : mimeType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  static Optional<String> extension(String mimeType) {
    return Optional.ofNullable(EXTENSIONS.get(mediaType(mimeType)));
  }
}
