package dev.tasktalk.bootstrap.ops;

import dev.tasktalk.bootstrap.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers: a load balancer should not send chats we cannot store. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  @Resource(lookup = SchemaMigration.DATA_SOURCE)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("database").status(reachable(dataSource)).build();
  }

  static boolean reachable(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }
}
