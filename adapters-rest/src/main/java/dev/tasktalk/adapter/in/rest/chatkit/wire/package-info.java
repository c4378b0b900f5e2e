/**
 * The ChatKit wire format, reusable by any JVM ChatKit server: the parser that turns a request body
 * into a typed {@link dev.tasktalk.application.port.in.chatkit.ChatKitRequest} (refusing bad input
 * with the field it names), and the codec that renders results, threads, items, attachments and
 * stream events as the reference server's JSON.
 */
package dev.tasktalk.adapter.in.rest.chatkit.wire;
