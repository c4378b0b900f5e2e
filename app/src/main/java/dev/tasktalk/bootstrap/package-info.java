/**
 * The composition root: CDI producers that wire use cases to adapters, the JAX-RS application, the
 * data source and schema migration, security and operational endpoints.
 */
package dev.tasktalk.bootstrap;
