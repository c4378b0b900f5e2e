/**
 * What several instances of Tasktalk on one database need from it: who this instance is and which
 * instances are alive.
 */
package dev.tasktalk.application.port.out.cluster;
