package dev.tasktalk.adapter.in.rest.chatkit;

import dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitCodec;
import dev.tasktalk.adapter.in.rest.common.ApiError;
import dev.tasktalk.adapter.in.rest.common.Owners;
import dev.tasktalk.adapter.in.rest.common.RequestBodies;
import dev.tasktalk.adapter.in.rest.common.ServletJson;
import dev.tasktalk.application.chatkit.PreviewLinks;
import dev.tasktalk.application.port.in.chatkit.AttachmentUseCase;
import dev.tasktalk.application.port.in.chatkit.AttachmentUseCase.AttachmentContent;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Attachment bytes for the two-phase strategy: {@code PUT|POST /chatkit/attachments/{id}/upload}
 * (raw body, or multipart part {@code file}) and {@code GET /chatkit/attachments/{id}/content} for
 * previews. Only the owner sees an attachment; for anyone else it does not exist.
 */
@WebServlet(urlPatterns = "/chatkit/attachments/*")
@MultipartConfig(
    maxFileSize = RequestBodies.MAX_BYTES,
    maxRequestSize = RequestBodies.MAX_BYTES,
    fileSizeThreshold = 1024 * 1024)
public class AttachmentServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject AttachmentUseCase attachments;
  @Inject ChatKitCodec codec;
  @Inject PreviewLinks previewLinks;

  public AttachmentServlet() {}

  AttachmentServlet(AttachmentUseCase attachments, ChatKitCodec codec) {
    this(attachments, codec, null);
  }

  AttachmentServlet(AttachmentUseCase attachments, ChatKitCodec codec, PreviewLinks previewLinks) {
    this.attachments = attachments;
    this.codec = codec;
    this.previewLinks = previewLinks;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<AttachmentPath> path = AttachmentPath.parse(request.getPathInfo());
    if (path.isEmpty()) {
      ServletJson.error(response, ApiError.noSuchResource());
      return;
    }
    boolean upload = path.get().action() == AttachmentPath.Action.UPLOAD;
    String method = request.getMethod();
    if ("OPTIONS".equals(method)) {
      ServletJson.options(response, upload ? "PUT, POST, OPTIONS" : "GET, OPTIONS");
      return;
    }
    if (upload ? !("PUT".equals(method) || "POST".equals(method)) : !"GET".equals(method)) {
      ServletJson.methodNotAllowed(response, upload ? "PUT, POST" : "GET");
      return;
    }
    Optional<UserId> owner =
        upload || request.getParameter("sig") == null
            ? Owners.find(request.getUserPrincipal())
            : signedOwner(request, path.get().id());
    if (owner.isEmpty() && request.getParameter("sig") != null) {
      ServletJson.error(response, ApiError.noSuchResource());
      return;
    }
    if (owner.isEmpty()) {
      ServletJson.error(response, ApiError.unauthorized());
      return;
    }
    try {
      AttachmentId id = AttachmentId.parse(path.get().id());
      if (upload) {
        byte[] bytes = UploadedFile.from(request).bytes();
        ServletJson.send(
            response, 200, codec.attachment(attachments.uploadContent(owner.get(), id, bytes)));
      } else {
        send(response, attachments.content(owner.get(), id));
      }
    } catch (RuntimeException e) {
      ServletJson.error(response, ApiError.of(e));
    }
  }

  /**
   * The owner a signed preview link was issued for; empty when it is forged, altered or expired.
   */
  private Optional<UserId> signedOwner(HttpServletRequest request, String id) {
    if (previewLinks == null || !dev.tasktalk.domain.shared.Ids.isValid(id)) {
      return Optional.empty();
    }
    return previewLinks.verify(
        new AttachmentId(id),
        request.getParameter("u"),
        request.getParameter("exp"),
        request.getParameter("sig"));
  }

  private static void send(HttpServletResponse response, AttachmentContent content)
      throws IOException {
    String type = ContentHeaders.contentType(content.mimeType());
    response.setStatus(200);
    response.setContentType(type);
    response.setContentLength(content.bytes().length);
    response.setHeader("Content-Disposition", ContentHeaders.disposition(content.name(), type));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "private, max-age=300");
    if (ContentHeaders.isActive(type)) {
      response.setHeader("Content-Security-Policy", "sandbox");
    }
    response.getOutputStream().write(content.bytes());
  }
}
