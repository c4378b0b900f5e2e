/** Events the application announces to other instances and to clients watching live. */
package dev.tasktalk.application.port.out.events;
