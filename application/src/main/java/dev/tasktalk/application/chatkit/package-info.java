/**
 * What the ChatKit server shares with its endpoint beyond the ports: signed image preview links.
 * The wire format itself (request parsing, response and event encoding) lives in the REST adapter.
 */
package dev.tasktalk.application.chatkit;
