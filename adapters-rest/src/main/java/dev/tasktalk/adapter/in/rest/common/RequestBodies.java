package dev.tasktalk.adapter.in.rest.common;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/** Reads servlet request bodies without ever holding more than the hard limit in memory. */
public final class RequestBodies {

  /**
   * The hard limit for any body the ChatKit servlets accept: {@code input.transcribe} carries
   * base64 audio and uploads carry files, so it is generous; the use cases apply their own, smaller
   * limits.
   */
  public static final int MAX_BYTES = 25 * 1024 * 1024;

  private RequestBodies() {}

  /** The whole body, refused with {@link PayloadTooLargeException} when over {@link #MAX_BYTES}. */
  public static byte[] read(HttpServletRequest request) throws IOException {
    refuseDeclaredOversize(request);
    try (InputStream in = request.getInputStream()) {
      return readAtMost(in, MAX_BYTES);
    }
  }

  /** Refuses at once when the declared length is already too big, before anything is read. */
  public static void refuseDeclaredOversize(HttpServletRequest request) {
    if (request.getContentLengthLong() > MAX_BYTES) {
      throw new PayloadTooLargeException(MAX_BYTES);
    }
  }

  /**
   * Reads {@code in} to its end; a chunked body gives no length up front, so count while reading.
   */
  public static byte[] readAtMost(InputStream in, int max) throws IOException {
    byte[] bytes = in.readNBytes(max + 1);
    if (bytes.length > max) {
      throw new PayloadTooLargeException(max);
    }
    return bytes;
  }
}
