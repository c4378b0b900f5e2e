/**
 * The PostgreSQL side of the application's persistence ports: JPA entities kept apart from the
 * domain, mappers between the two, repositories whose every query is scoped to one owner, and the
 * Liquibase changelog that creates the schema.
 */
package dev.tasktalk.adapter.out.persistence;
