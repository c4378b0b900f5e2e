/**
 * The web page: serves the WAR's static chat page ({@code GET /}) and its assets ({@code GET
 * /assets/{file}}) through JAX-RS, since the application's {@code @ApplicationPath("/")} gives
 * Jersey every path and the container's default servlet never sees them.
 */
package dev.tasktalk.bootstrap.web;
