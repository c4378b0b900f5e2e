package dev.tasktalk.adapter.in.rest.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitCodec;
import dev.tasktalk.adapter.in.rest.common.RequestBodies;
import dev.tasktalk.application.port.in.chatkit.AttachmentUseCase;
import dev.tasktalk.domain.attachment.Attachment;
import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.attachment.AttachmentNotFoundException;
import dev.tasktalk.domain.shared.InvalidInputException;
import dev.tasktalk.domain.user.UserId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachmentServletsTest {

  private static final ChatKitCodec CODEC = new ChatKitCodec("");
  private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4};

  private final List<String> calls = new ArrayList<>();
  private final FakeAttachments attachments = new FakeAttachments();
  private final ServletFakes.Request request = new ServletFakes.Request();
  private final ServletFakes.Response response = new ServletFakes.Response();

  @Test
  void directUpload_storesTheFilePart_andAnswersTheAttachment() throws Exception {
    request.contentType = "multipart/form-data; boundary=x";
    request.parts.put(
        "file",
        ServletFakes.part("notes.txt", "text/plain", "remember".getBytes(StandardCharsets.UTF_8)));

    upload();

    assertThat(calls).containsExactly("direct alice notes.txt text/plain 8");
    assertThat(response.status).isEqualTo(200);
    assertThat(response.contentType).isEqualTo("application/json");
    assertThat(response.body())
        .isEqualTo(
            "{\"id\":\"atc_new\",\"name\":\"notes.txt\",\"mime_type\":\"text/plain\","
                + "\"type\":\"file\"}");
  }

  @Test
  void directUpload_withoutAFilePart_isA400NamingIt() throws Exception {
    request.contentType = "multipart/form-data; boundary=x";

    upload();

    assertThat(response.status).isEqualTo(400);
    assertThat(error().getString("field")).isEqualTo("file");
    assertThat(calls).isEmpty();
  }

  @Test
  void directUpload_overTheContainersLimit_is413() throws Exception {
    request.contentType = "multipart/form-data; boundary=x";
    request.partFailure = new IllegalStateException("SizeLimitExceededException");

    upload();

    assertThat(response.status).isEqualTo(413);
    assertThat(error().getString("code")).isEqualTo("payload_too_large");
  }

  @Test
  void directUpload_whoseMultipartBodyEndsEarly_isA400NamingTheFile() throws Exception {
    request.contentType = "multipart/form-data; boundary=x";
    request.partFailure = new IOException("Stream ended unexpectedly");

    upload();

    assertThat(response.status).isEqualTo(400);
    assertThat(error().getString("field")).isEqualTo("file");
    assertThat(error().getString("message")).contains("malformed");
    assertThat(calls).isEmpty();
  }

  @Test
  void directUpload_refusedByTheUseCase_isA400() throws Exception {
    request.contentType = "multipart/form-data; boundary=x";
    request.parts.put("file", ServletFakes.part("virus.exe", "application/x-msdownload", PNG));
    attachments.refusal = new InvalidInputException("mime_type", "this file type is not accepted");

    upload();

    assertThat(response.status).isEqualTo(400);
    assertThat(error().getString("field")).isEqualTo("mime_type");
  }

  @Test
  void twoPhaseUpload_byPut_storesTheRawBody() throws Exception {
    request.method = "PUT";
    request.pathInfo = "/atc_1/upload";
    request.contentType = "image/png";
    request.body = PNG;

    attachment();

    assertThat(calls).containsExactly("content alice atc_1 8");
    assertThat(response.status).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"id\":\"atc_1\",\"name\":\"cat \\\"1\\\".png\",\"mime_type\":\"image/png\","
                + "\"type\":\"image\",\"preview_url\":\"/chatkit/attachments/atc_1/content\"}");
  }

  @Test
  void twoPhaseUpload_byPost_storesTheFilePart() throws Exception {
    request.pathInfo = "/atc_1/upload";
    request.contentType = "multipart/form-data; boundary=x";
    request.parts.put("file", ServletFakes.part("cat.png", "image/png", PNG));

    attachment();

    assertThat(calls).containsExactly("content alice atc_1 8");
  }

  @Test
  void twoPhaseUpload_overTheHardLimit_is413() throws Exception {
    request.method = "PUT";
    request.pathInfo = "/atc_1/upload";
    request.declaredLength = RequestBodies.MAX_BYTES + 1L;

    attachment();

    assertThat(response.status).isEqualTo(413);
    assertThat(calls).isEmpty();
  }

  @Test
  void content_isServedWithItsTypeAndSafeHeaders() throws Exception {
    request.method = "GET";
    request.pathInfo = "/atc_1/content";

    attachment();

    assertThat(response.status).isEqualTo(200);
    assertThat(response.contentType).isEqualTo("image/png");
    assertThat(response.out.bytes.toByteArray()).isEqualTo(PNG);
    assertThat(response.headers)
        .containsEntry(
            "Content-Disposition",
            "inline; filename=\"cat _1_.png\"; filename*=UTF-8''cat%20%221%22.png")
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("Cache-Control", "private, max-age=300")
        .containsEntry("Content-Length", "8")
        .doesNotContainKey("Content-Security-Policy");
  }

  @Test
  void aSignedPreviewLink_servesTheOwnersContentWithoutAToken_andAnAlteredOneIs404()
      throws Exception {
    var links =
        new dev.tasktalk.application.chatkit.PreviewLinks(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
            java.time.Clock.systemUTC(),
            java.time.Duration.ofMinutes(5));
    String query = links.query(new AttachmentId("atc_1"), new UserId("alice"));
    for (String pair : query.substring(1).split("&")) {
      String[] kv = pair.split("=", 2);
      request.parameters.put(kv[0], kv[1]);
    }
    request.method = "GET";
    request.pathInfo = "/atc_1/content";
    request.user = null;

    new AttachmentServlet(attachments, CODEC, links).service(request.proxy(), response.proxy());
    assertThat(response.status).isEqualTo(200);
    assertThat(response.out.bytes.toByteArray()).isEqualTo(PNG);

    request.parameters.put(
        "u",
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("bob".getBytes(StandardCharsets.UTF_8)));
    ServletFakes.Response forged = new ServletFakes.Response();
    new AttachmentServlet(attachments, CODEC, links).service(request.proxy(), forged.proxy());
    assertThat(forged.status).isEqualTo(404);
  }

  @Test
  void content_ofSomeoneElsesOrAMalformedId_is404() throws Exception {
    request.method = "GET";
    request.pathInfo = "/atc_other/content";
    attachment();
    assertThat(response.status).isEqualTo(404);
    assertThat(error().getString("code")).isEqualTo("not_found");

    ServletFakes.Request malformed = new ServletFakes.Request();
    malformed.method = "GET";
    malformed.pathInfo = "/<script>/content";
    ServletFakes.Response second = new ServletFakes.Response();
    new AttachmentServlet(attachments, CODEC).service(malformed.proxy(), second.proxy());
    assertThat(second.status).isEqualTo(404);
    assertThat(calls).containsExactly("read alice atc_other");
  }

  @Test
  void unknownPaths_are404_andWrongMethods_are405() throws Exception {
    request.method = "GET";
    request.pathInfo = "/atc_1/delete";
    attachment();
    assertThat(response.status).isEqualTo(404);

    ServletFakes.Request wrong = new ServletFakes.Request();
    wrong.method = "DELETE";
    wrong.pathInfo = "/atc_1/content";
    ServletFakes.Response second = new ServletFakes.Response();
    new AttachmentServlet(attachments, CODEC).service(wrong.proxy(), second.proxy());
    assertThat(second.status).isEqualTo(405);
    assertThat(second.headers).containsEntry("Allow", "GET");

    ServletFakes.Request getUpload = new ServletFakes.Request();
    getUpload.method = "GET";
    getUpload.pathInfo = "/atc_1/upload";
    ServletFakes.Response third = new ServletFakes.Response();
    new AttachmentServlet(attachments, CODEC).service(getUpload.proxy(), third.proxy());
    assertThat(third.status).isEqualTo(405);
    assertThat(third.headers).containsEntry("Allow", "PUT, POST");
  }

  @Test
  void withoutAPrincipal_both_are401() throws Exception {
    request.user = null;
    request.pathInfo = "/atc_1/upload";
    attachment();
    assertThat(response.status).isEqualTo(401);

    ServletFakes.Response second = new ServletFakes.Response();
    new AttachmentUploadServlet(attachments, CODEC).service(request.proxy(), second.proxy());
    assertThat(second.status).isEqualTo(401);
    assertThat(calls).isEmpty();
  }

  private void upload() throws Exception {
    new AttachmentUploadServlet(attachments, CODEC).service(request.proxy(), response.proxy());
  }

  private void attachment() throws Exception {
    new AttachmentServlet(attachments, CODEC).service(request.proxy(), response.proxy());
  }

  private JsonObject error() {
    return Json.createReader(new StringReader(response.body())).readObject().getJsonObject("error");
  }

  /** Alice owns atc_1, a PNG named "cat\"1\".png"; nothing else exists for her. */
  private final class FakeAttachments implements AttachmentUseCase {
    RuntimeException refusal;

    @Override
    public Attachment uploadDirect(UserId owner, String fileName, String mimeType, byte[] content) {
      if (refusal != null) {
        throw refusal;
      }
      calls.add("direct " + owner + " " + fileName + " " + mimeType + " " + content.length);
      return new Attachment(
          new AttachmentId("atc_new"), owner, fileName, mimeType, content.length, null, true, AT);
    }

    @Override
    public Attachment uploadContent(UserId owner, AttachmentId id, byte[] content) {
      calls.add("content " + owner + " " + id + " " + content.length);
      return new Attachment(
          id, owner, "cat \"1\".png", "image/png", content.length, null, true, AT);
    }

    @Override
    public AttachmentContent content(UserId owner, AttachmentId id) {
      calls.add("read " + owner + " " + id);
      if (!owner.value().equals("alice") || !id.value().equals("atc_1")) {
        throw new AttachmentNotFoundException(id.value());
      }
      return new AttachmentContent("cat \"1\".png", "image/png", PNG);
    }
  }
}
