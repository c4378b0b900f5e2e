/**
 * Several instances on one PostgreSQL: this instance's id and lease, the timer that renews it and
 * sweeps dead instances' runs, and the LISTEN/NOTIFY feed of task changes.
 */
package dev.tasktalk.bootstrap.cluster;
