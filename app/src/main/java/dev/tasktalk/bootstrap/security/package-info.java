/**
 * Bearer-token authentication for the API, ChatKit and MCP endpoints: settings, token verification
 * (HS256, RS256, ES256, EdDSA), the servlet filter that turns a verified {@code sub} into the
 * request's principal, and the dev-login token endpoint.
 */
package dev.tasktalk.bootstrap.security;
