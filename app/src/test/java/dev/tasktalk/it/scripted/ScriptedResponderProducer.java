package dev.tasktalk.it.scripted;

import dev.tasktalk.application.port.out.llm.LanguageModel;
import dev.tasktalk.application.port.out.turn.Responder;
import dev.tasktalk.application.tools.Toolbox;
import dev.tasktalk.bootstrap.wiring.AgentProducers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;

/**
 * Puts the {@link ScriptedResponder} in front of the real agent in a test deployment: an
 * alternative {@link Responder} producer, selected by its class's {@code @Priority}, that wraps
 * what the production producer builds. The production WAR does not contain it: an IT that drives
 * the ChatKit server with {@code #script} messages adds this package to its deployment. Nothing
 * here may refer to test-only libraries (ShrinkWrap, JUnit), since the server reads these classes.
 */
@ApplicationScoped
@Priority(Interceptor.Priority.APPLICATION + 100)
public class ScriptedResponderProducer {

  @Produces
  @Alternative
  @ApplicationScoped
  Responder scripted(AgentProducers agents, LanguageModel model, Toolbox toolbox, Clock clock) {
    return new ScriptedResponder(clock, agents.responder(model, toolbox));
  }
}
