package dev.tasktalk.adapter.in.rest.chatkit;

import dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitCodec;
import dev.tasktalk.adapter.in.rest.common.ApiError;
import dev.tasktalk.adapter.in.rest.common.RequestBodies;
import dev.tasktalk.adapter.in.rest.common.RequestException;
import dev.tasktalk.adapter.in.rest.common.ServletJson;
import dev.tasktalk.application.port.in.chatkit.AttachmentUseCase;
import dev.tasktalk.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * ChatKit's direct upload strategy: {@code POST /chatkit/upload} with the file in the multipart
 * part {@code file}; answers the new attachment's ChatKit JSON.
 */
@WebServlet(urlPatterns = "/chatkit/upload")
@MultipartConfig(
    maxFileSize = RequestBodies.MAX_BYTES,
    maxRequestSize = RequestBodies.MAX_BYTES,
    fileSizeThreshold = 1024 * 1024)
public class AttachmentUploadServlet extends OwnerPostServlet {

  private static final long serialVersionUID = 1L;

  @Inject AttachmentUseCase attachments;
  @Inject ChatKitCodec codec;

  public AttachmentUploadServlet() {}

  AttachmentUploadServlet(AttachmentUseCase attachments, ChatKitCodec codec) {
    this.attachments = attachments;
    this.codec = codec;
  }

  @Override
  protected void post(HttpServletRequest request, HttpServletResponse response, UserId owner)
      throws IOException {
    try {
      UploadedFile file = UploadedFile.fromMultipart(request);
      String name = file.name();
      if (name == null || name.isBlank()) {
        throw RequestException.invalid(UploadedFile.PART, "the file part needs a filename");
      }
      ServletJson.send(
          response,
          200,
          codec.attachment(attachments.uploadDirect(owner, name, file.mimeType(), file.bytes())));
    } catch (RuntimeException e) {
      ServletJson.error(response, ApiError.of(e));
    }
  }
}
