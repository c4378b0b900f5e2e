package dev.tasktalk.application.service.chatkit;

import dev.tasktalk.application.port.in.chatkit.ChatKitRequest.Transcribe;
import dev.tasktalk.application.port.in.chatkit.ChatKitResult;
import dev.tasktalk.application.port.out.turn.Transcriber;
import dev.tasktalk.domain.shared.InvalidInputException;
import java.util.Base64;
import java.util.Locale;

/** {@code input.transcribe}: the composer's recorded speech in, its text out. */
final class Dictation {

  private final Transcriber transcriber;
  private final long maxBytes;

  Dictation(Transcriber transcriber, long maxBytes) {
    this.transcriber = transcriber;
    this.maxBytes = maxBytes;
  }

  ChatKitResult transcribe(Transcribe request) {
    String mimeType = request.mimeType().strip();
    if (!mimeType.toLowerCase(Locale.ROOT).startsWith("audio/")) {
      throw new InvalidInputException("params.mime_type", "dictation needs an audio/* type");
    }
    byte[] audio;
    try {
      // Strict alphabet (the MIME decoder would skip junk silently); line breaks are tolerated.
      audio = Base64.getDecoder().decode(request.audioBase64().replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "params.audio_base64", "params.audio_base64 is not valid base64");
    }
    if (audio.length == 0 || audio.length > maxBytes) {
      throw new InvalidInputException(
          "params.audio_base64", "the recording must have 1 to " + maxBytes + " bytes");
    }
    String text = transcriber.transcribe(audio, mimeType);
    return new ChatKitResult.Transcription(text == null ? "" : text);
  }
}
