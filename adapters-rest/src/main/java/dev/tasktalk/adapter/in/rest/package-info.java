/**
 * Inbound HTTP adapters (JAX-RS): they parse requests, take the owner from the authenticated
 * principal, call the use cases and render JSON. Errors always leave as {@code {"error":{...}}}
 * bodies.
 */
package dev.tasktalk.adapter.in.rest;
