/**
 * The {@code java -jar tasktalk.jar} launcher: it starts an embedded PostgreSQL (unless {@code
 * DATABASE_URL} names one), runs Payara Micro with the Tasktalk WAR as a child process, and stops
 * both on shutdown. It never uses the application's classes.
 */
package dev.tasktalk.launcher;
