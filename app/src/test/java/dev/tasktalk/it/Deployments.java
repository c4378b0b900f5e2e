package dev.tasktalk.it;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What every IT deploys and where it reaches it: the WAR as built, at the context root. */
final class Deployments {

  private Deployments() {}

  /** The production WAR the build made ({@code tasktalk.war}), unchanged; callers may add to it. */
  static WebArchive war() {
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
        .importFrom(new File(System.getProperty("tasktalk.war")))
        .as(WebArchive.class);
  }

  /**
   * The deployment's root on {@code localhost}: the MCP endpoint accepts localhost hosts by
   * default, while the container may report its machine name.
   */
  static URI localBase(URL deployed) throws URISyntaxException {
    return new URI("http", null, "localhost", deployed.getPort(), "/", null, null);
  }
}
