package dev.tasktalk.adapter.in.rest.chat;

import dev.tasktalk.adapter.in.rest.common.Owners;
import dev.tasktalk.application.port.in.chatkit.ChatUseCase;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The plain JSON chat API for clients that are not ChatKit: one message in, the whole answer out,
 * over the user's own conversations (the same threads ChatKit shows); anyone else's look missing.
 */
@Path("api/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {

  @Inject ChatUseCase chat;
  @Context SecurityContext security;

  public ChatResource() {}

  ChatResource(ChatUseCase chat, SecurityContext security) {
    this.chat = chat;
    this.security = security;
  }

  @POST
  @Path("chat")
  public String chat(String body) {
    var owner = Owners.of(security);
    var request = ChatRequests.chat(body);
    return ChatJson.of(chat.chat(owner, request.message(), request.conversationId())).toString();
  }

  @GET
  @Path("conversations")
  public String conversations(@QueryParam("limit") String limit) {
    var owner = Owners.of(security);
    return ChatJson.conversations(chat.conversations(owner, ChatRequests.limit(limit))).toString();
  }

  @GET
  @Path("conversations/{id}/messages")
  public String messages(@PathParam("id") String id) {
    return ChatJson.messages(chat.messages(Owners.of(security), id)).toString();
  }
}
