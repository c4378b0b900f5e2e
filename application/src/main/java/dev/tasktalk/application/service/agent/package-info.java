/**
 * The turn engine behind the ChatKit server: {@link
 * dev.tasktalk.application.service.agent.AgentResponder} turns a thread into model calls, tool
 * calls, confirmations, handoffs between agents and titles, and every step into the ChatKit events
 * the server stores and streams.
 */
package dev.tasktalk.application.service.agent;
