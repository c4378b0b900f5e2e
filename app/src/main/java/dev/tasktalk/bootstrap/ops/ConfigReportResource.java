package dev.tasktalk.bootstrap.ops;

import dev.tasktalk.application.port.out.llm.LanguageModel;
import dev.tasktalk.bootstrap.persistence.SchemaMigration;
import dev.tasktalk.bootstrap.security.AuthConfiguration;
import dev.tasktalk.bootstrap.wiring.AgentProducers;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /api/chatkit/health}: how this instance is configured (auth mode, database, model
 * provider), without secrets. Public, so a sign-in page can tell which way to sign in.
 */
@Path("api/chatkit/health")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConfigReportResource {

  @Resource(lookup = SchemaMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject AuthConfiguration auth;

  @Inject
  @ConfigProperty(name = "tasktalk.db.mode", defaultValue = "external")
  String databaseMode;

  @Inject
  @ConfigProperty(name = "LLM_PROVIDER")
  java.util.Optional<String> provider;

  @Inject LanguageModel model;
  @Inject AgentProducers agents;

  @GET
  public String report() {
    boolean reachable = DatabaseReadinessCheck.reachable(dataSource);
    var json =
        Json.createObjectBuilder()
            .add("status", reachable ? "ok" : "degraded")
            .add("auth", Json.createObjectBuilder().add("mode", auth.mode()))
            .add(
                "database",
                Json.createObjectBuilder().add("mode", databaseMode).add("reachable", reachable))
            .add(
                "model",
                Json.createObjectBuilder()
                    .add("provider", providerName())
                    .add("model", model.modelName()))
            .add("mcp_servers", mcpServers());
    return json.build().toString();
  }

  /**
   * External MCP tool servers as last seen; a server that is down shows here, never breaks a chat.
   */
  private jakarta.json.JsonArrayBuilder mcpServers() {
    var servers = Json.createArrayBuilder();
    for (var server : agents.externalMcpHealth()) {
      var entry =
          Json.createObjectBuilder()
              .add("name", server.name())
              .add("url", server.url())
              .add("reachable", server.reachable())
              .add("tools", server.toolCount());
      if (server.lastError() != null) {
        entry.add("error", server.lastError());
      }
      if (server.protocol() != null) {
        entry.add("protocol", server.protocol());
      }
      servers.add(entry);
    }
    return servers;
  }

  private String providerName() {
    if ("tasktalk-offline".equals(model.modelName())) {
      return "offline";
    }
    return provider.filter(p -> !p.isBlank()).orElse("openai-compatible");
  }
}
