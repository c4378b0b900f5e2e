package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URL;
import java.util.Objects;

/**
 * Fetches a key document and hands it on as JWKS JSON, so a public-key location may serve a PEM as
 * well as a JWKS (MicroProfile JWT allows both) while Nimbus still does the caching.
 */
final class KeyDocumentRetriever implements ResourceRetriever {

  private final ResourceRetriever delegate;

  KeyDocumentRetriever(ResourceRetriever delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public Resource retrieveResource(URL url) throws IOException {
    Resource resource = delegate.retrieveResource(url);
    try {
      String jwks = KeyMaterial.parse(resource.getContent()).toString();
      return new Resource(jwks, "application/jwk-set+json");
    } catch (IllegalArgumentException e) {
      throw new IOException("unusable key document at " + url + ": " + e.getMessage(), e);
    }
  }
}
