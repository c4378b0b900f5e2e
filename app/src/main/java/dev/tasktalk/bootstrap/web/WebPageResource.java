package dev.tasktalk.bootstrap.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /} answers the chat page, {@code GET /assets/{file}} one of its assets. Only the file
 * names in {@link #ASSETS} are served, so no request can reach anything else in the WAR (no path
 * traversal, no {@code WEB-INF}). Responses carry an ETag and {@code Cache-Control: no-cache}: the
 * names are not content-hashed, so browsers revalidate and get a 304 when nothing changed. The
 * page's Content-Security-Policy, and a {@code <meta>} telling it which chat to show, come from
 * {@link WebUi} ({@code TASKTALK_UI}, {@code CHATKIT_SCRIPT_URL}).
 */
@Path("/")
@RequestScoped
public class WebPageResource {

  static final String INDEX = "/index.html";

  /** The assets under {@code /assets/} in the WAR and their content types. */
  static final Map<String, String> ASSETS =
      Map.of(
          "app.js", "text/javascript; charset=utf-8",
          "app.css", "text/css; charset=utf-8",
          "icon.svg", "image/svg+xml");

  /**
   * Same-origin only; the built-in chat needs nothing from elsewhere ({@link WebUi#csp()} in
   * chatkit mode).
   */
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
          + " form-action 'self'";

  @GET
  @Operation(hidden = true)
  public Response page(@Context ServletContext servlet, @Context Request request)
      throws IOException {
    WebUi ui = WebUi.from(ConfigProvider.getConfig());
    return serve(servlet, request, INDEX, "text/html; charset=utf-8", ui::page)
        .header("Content-Security-Policy", ui.csp())
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY")
        .build();
  }

  @GET
  @Path("assets/{file}")
  @Operation(hidden = true)
  public Response asset(
      @PathParam("file") String file, @Context ServletContext servlet, @Context Request request)
      throws IOException {
    String type = ASSETS.get(file);
    if (type == null) {
      return notFound();
    }
    return serve(servlet, request, "/assets/" + file, type, UnaryOperator.identity()).build();
  }

  private static Response.ResponseBuilder serve(
      ServletContext servlet,
      Request request,
      String path,
      String type,
      UnaryOperator<byte[]> transform)
      throws IOException {
    byte[] bytes;
    try (InputStream in = servlet.getResourceAsStream(path)) {
      if (in == null) {
        return Response.status(Response.Status.NOT_FOUND)
            .type("text/plain; charset=utf-8")
            .entity("not found");
      }
      bytes = transform.apply(in.readAllBytes());
    }
    EntityTag tag = new EntityTag(sha256(bytes));
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    Response.ResponseBuilder builder = notModified != null ? notModified : Response.ok(bytes, type);
    return builder
        .tag(tag)
        .header("Cache-Control", "no-cache")
        .header("X-Content-Type-Options", "nosniff");
  }

  private static Response notFound() {
    return Response.status(Response.Status.NOT_FOUND)
        .type("text/plain; charset=utf-8")
        .entity("not found")
        .build();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
