package dev.tasktalk.adapter.in.rest.chatkit;

import dev.tasktalk.adapter.in.rest.common.PayloadTooLargeException;
import dev.tasktalk.adapter.in.rest.common.RequestBodies;
import dev.tasktalk.adapter.in.rest.common.RequestException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** The file in an upload request: a multipart part named {@code file}, or the raw body. */
record UploadedFile(String name, String mimeType, byte[] bytes) {

  static final String PART = "file";
  private static final String DEFAULT_TYPE = "application/octet-stream";

  /**
   * Multipart bodies carry the file in their {@code file} part; any other body is the file itself.
   */
  static UploadedFile from(HttpServletRequest request) throws IOException {
    if (isMultipart(request)) {
      return fromMultipart(request);
    }
    byte[] bytes = RequestBodies.read(request);
    return new UploadedFile(null, orDefault(request.getContentType()), bytes);
  }

  static UploadedFile fromMultipart(HttpServletRequest request) throws IOException {
    RequestBodies.refuseDeclaredOversize(request);
    Part part;
    try {
      part = request.getPart(PART);
    } catch (IllegalStateException e) {
      // How the container says the body broke the @MultipartConfig limits.
      throw new PayloadTooLargeException(RequestBodies.MAX_BYTES);
    } catch (ServletException e) {
      throw missingPart();
    } catch (IOException e) {
      // The container could not parse the body: it ended early or its boundaries are broken.
      throw RequestException.invalid(
          PART, "the multipart body is malformed or ends before its closing boundary");
    }
    if (part == null) {
      throw missingPart();
    }
    if (part.getSize() > RequestBodies.MAX_BYTES) {
      throw new PayloadTooLargeException(RequestBodies.MAX_BYTES);
    }
    try (InputStream in = part.getInputStream()) {
      return new UploadedFile(
          part.getSubmittedFileName(),
          orDefault(part.getContentType()),
          RequestBodies.readAtMost(in, RequestBodies.MAX_BYTES));
    } finally {
      part.delete();
    }
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  private static RequestException missingPart() {
    return RequestException.invalid(
        PART, "send multipart/form-data with the file in a part named '" + PART + "'");
  }

  private static String orDefault(String type) {
    return type == null || type.isBlank() ? DEFAULT_TYPE : type;
  }
}
