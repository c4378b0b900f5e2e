package dev.tasktalk.adapter.in.rest.todo;

import dev.tasktalk.adapter.in.rest.common.Owners;
import dev.tasktalk.application.port.in.todo.AddTodoUseCase;
import dev.tasktalk.application.port.in.todo.CompleteTodoUseCase;
import dev.tasktalk.application.port.in.todo.DeleteTodoUseCase;
import dev.tasktalk.application.port.in.todo.GetTodoUseCase;
import dev.tasktalk.application.port.in.todo.ListTodosUseCase;
import dev.tasktalk.application.port.in.todo.UpdateTodoUseCase;
import dev.tasktalk.domain.todo.Todo;
import dev.tasktalk.domain.todo.TodoId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * The tasks REST API: the authenticated user's tasks only; anyone else's look like missing ones.
 */
@Path("api/tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TodoResource {

  @Inject AddTodoUseCase addTodo;
  @Inject GetTodoUseCase getTodo;
  @Inject ListTodosUseCase listTodos;
  @Inject UpdateTodoUseCase updateTodo;
  @Inject CompleteTodoUseCase completeTodo;
  @Inject DeleteTodoUseCase deleteTodo;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @GET
  public String list(
      @QueryParam("status") String status,
      @QueryParam("q") String q,
      @QueryParam("priority") String priority,
      @QueryParam("due_before") String dueBefore,
      @QueryParam("due_after") String dueAfter,
      @QueryParam("tag") String tag,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    var query =
        TodoRequests.list(
            Owners.of(security), status, q, priority, dueBefore, dueAfter, tag, limit, cursor);
    return TodoJson.of(listTodos.list(query)).toString();
  }

  @POST
  public Response add(String body) {
    Todo todo = addTodo.add(TodoRequests.add(Owners.of(security), body));
    return Response.created(
            uri.getBaseUriBuilder().path("api/tasks").path(todo.id().toString()).build())
        .entity(TodoJson.of(todo).toString())
        .build();
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id) {
    return TodoJson.of(getTodo.get(Owners.of(security), TodoId.parse(id))).toString();
  }

  @PATCH
  @Path("{id}")
  public String update(@PathParam("id") String id, String body) {
    var owner = Owners.of(security);
    var todoId = TodoId.parse(id);
    return TodoJson.of(updateTodo.update(TodoRequests.update(owner, todoId, body))).toString();
  }

  @POST
  @Path("{id}/complete")
  public String complete(@PathParam("id") String id) {
    return TodoJson.of(completeTodo.complete(Owners.of(security), TodoId.parse(id))).toString();
  }

  @POST
  @Path("{id}/reopen")
  public String reopen(@PathParam("id") String id) {
    return TodoJson.of(completeTodo.reopen(Owners.of(security), TodoId.parse(id))).toString();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    deleteTodo.delete(Owners.of(security), TodoId.parse(id));
    return Response.noContent().build();
  }
}
