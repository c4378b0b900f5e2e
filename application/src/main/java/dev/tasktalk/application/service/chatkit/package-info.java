/**
 * The ChatKit server ({@link dev.tasktalk.application.service.chatkit.ChatKitService}), the
 * attachment endpoints' service and the plain chat API built on it. Public: the three services and
 * their settings; everything else is a package-private collaborator of one flow.
 */
package dev.tasktalk.application.service.chatkit;
