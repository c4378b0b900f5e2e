/**
 * Outbound adapters to model providers: OpenAI-compatible HTTP APIs through one shared OkHttp
 * client. No OkHttp type crosses a port; failures become port exceptions.
 */
package dev.tasktalk.adapter.out.llm;
