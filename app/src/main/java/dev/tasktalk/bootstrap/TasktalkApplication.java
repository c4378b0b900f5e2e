package dev.tasktalk.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The JAX-RS application at the context root; resources carry their full paths ("api/tasks"). */
@ApplicationPath("/")
@ApplicationScoped
@OpenAPIDefinition(
    info =
        @Info(
            title = "Tasktalk",
            version = "0.1.0",
            description =
                "ChatKit backend and todo assistant: tasks REST API, ChatKit protocol, MCP"))
public class TasktalkApplication extends Application {}
