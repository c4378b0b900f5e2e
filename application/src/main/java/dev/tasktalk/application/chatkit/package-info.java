/**
 * Helpers the ChatKit server shares with its endpoint: signed image preview links, and the JSON tree
 * helpers the services use to build and read item payloads. The wire format itself (request parsing,
 * response and event encoding) lives in the REST adapter.
 */
package dev.tasktalk.application.chatkit;
