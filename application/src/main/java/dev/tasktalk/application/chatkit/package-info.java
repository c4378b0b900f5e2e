/**
 * The ChatKit wire format, reusable by any JVM ChatKit server: the request parser, the typed requests
 * and the codec that turns threads, items, attachments and stream events into ChatKit JSON.
 */
package dev.tasktalk.application.chatkit;
