package dev.tasktalk.adapter.in.rest.chatkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentHeadersTest {

  @Test
  void disposition_keepsPlainNames_andCleansTheRest() {
    assertThat(ContentHeaders.disposition("cat.png", "image/png"))
        .isEqualTo("inline; filename=\"cat.png\"");
    assertThat(ContentHeaders.disposition("a\"b\r\nSet-Cookie: x.txt", "text/plain"))
        .isEqualTo(
            "inline; filename=\"a_bSet-Cookie_ x.txt\";"
                + " filename*=UTF-8''a%22bSet-Cookie%3A%20x.txt");
    assertThat(ContentHeaders.disposition("../../etc/passwd", "text/plain"))
        .isEqualTo("inline; filename=\"passwd\"");
    assertThat(ContentHeaders.disposition("C:\\Users\\me\\notes.txt", "text/plain"))
        .isEqualTo("inline; filename=\"notes.txt\"");
    assertThat(ContentHeaders.disposition(null, "text/plain"))
        .isEqualTo("inline; filename=\"attachment\"");
  }

  @Test
  void disposition_givesNonAsciiNamesAnEncodedForm() {
    assertThat(ContentHeaders.disposition("żółw.png", "image/png"))
        .isEqualTo("inline; filename=\"___w.png\"; filename*=UTF-8''%C5%BC%C3%B3%C5%82w.png");
  }

  @Test
  void pagesAndScriptsAreDownloaded_notShown() {
    assertThat(ContentHeaders.isActive("text/html; charset=utf-8")).isTrue();
    assertThat(ContentHeaders.isActive("image/svg+xml")).isTrue();
    assertThat(ContentHeaders.isActive("image/png")).isFalse();
    assertThat(ContentHeaders.isActive("application/pdf")).isFalse();
    assertThat(ContentHeaders.disposition("x.svg", "image/svg+xml")).startsWith("attachment; ");
  }

  @Test
  void contentType_fallsBackWhenNothingUsableWasStored() {
    assertThat(ContentHeaders.contentType(null)).isEqualTo("application/octet-stream");
    assertThat(ContentHeaders.contentType("text/plain\r\nX: y"))
        .isEqualTo("application/octet-stream");
    assertThat(ContentHeaders.contentType("image/png")).isEqualTo("image/png");
  }

  @Test
  void attachmentPaths_areIdThenAction() {
    assertThat(AttachmentPath.parse("/atc_1/upload"))
        .contains(new AttachmentPath("atc_1", AttachmentPath.Action.UPLOAD));
    assertThat(AttachmentPath.parse("/atc_1/content"))
        .contains(new AttachmentPath("atc_1", AttachmentPath.Action.CONTENT));
    for (String bad :
        new String[] {
          null, "/", "/atc_1", "/atc_1/content/", "//content", "/a/b/content", "/atc_1/x"
        }) {
      assertThat(AttachmentPath.parse(bad)).as(bad).isEmpty();
    }
  }
}
