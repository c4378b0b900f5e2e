/** Several instances on one database: this instance's lease and the clean-up after dead ones. */
package dev.tasktalk.application.service.cluster;
