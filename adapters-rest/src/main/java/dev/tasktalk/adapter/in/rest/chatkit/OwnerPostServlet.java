package dev.tasktalk.adapter.in.rest.chatkit;

import dev.tasktalk.adapter.in.rest.common.ApiError;
import dev.tasktalk.adapter.in.rest.common.Owners;
import dev.tasktalk.adapter.in.rest.common.ServletJson;
import dev.tasktalk.domain.user.UserId;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * A servlet that takes only POST, from an authenticated owner: other methods get a JSON 405
 * (OPTIONS a 204 with {@code Allow}), a request without a principal a JSON 401.
 */
abstract class OwnerPostServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    switch (request.getMethod()) {
      case "POST" -> {
        Optional<UserId> owner = Owners.find(request.getUserPrincipal());
        if (owner.isEmpty()) {
          ServletJson.error(response, ApiError.unauthorized());
        } else {
          post(request, response, owner.get());
        }
      }
      case "OPTIONS" -> ServletJson.options(response, "POST, OPTIONS");
      default -> ServletJson.methodNotAllowed(response, "POST");
    }
  }

  protected abstract void post(
      HttpServletRequest request, HttpServletResponse response, UserId owner) throws IOException;
}
