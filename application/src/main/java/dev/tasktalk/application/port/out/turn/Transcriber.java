package dev.tasktalk.application.port.out.turn;

/** Turns recorded speech into text for the composer ({@code input.transcribe}). */
public interface Transcriber {

  /**
   * @throws TranscriptionUnavailableException when no speech-to-text service is configured
   */
  String transcribe(byte[] audio, String mimeType);
}
