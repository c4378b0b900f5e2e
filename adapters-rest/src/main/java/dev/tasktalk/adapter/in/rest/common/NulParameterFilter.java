package dev.tasktalk.adapter.in.rest.common;

import dev.tasktalk.domain.shared.StoredText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a NUL character ({@code %00}) in a query parameter or path segment with the usual JSON
 * 400 before any resource runs: such a value could only fail later, in PostgreSQL. (Payara itself
 * refuses {@code %00} in a path before the application sees it; other servers may not.)
 */
@Provider
@PreMatching
public class NulParameterFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    UriInfo uri = request.getUriInfo();
    if (uri.getPath(true).indexOf('\0') >= 0) {
      request.abortWith(
          ErrorResponses.of(
              400, "invalid_request", "the path must not contain NUL characters (U+0000)"));
      return;
    }
    for (var parameter : uri.getQueryParameters(true).entrySet()) {
      String name = parameter.getKey();
      if (name.indexOf('\0') >= 0
          || parameter.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
        request.abortWith(
            ErrorResponses.of(400, "invalid_request", StoredText.nulMessage(name), name));
        return;
      }
    }
  }
}
