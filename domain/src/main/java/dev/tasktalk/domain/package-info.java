/** The Tasktalk domain: plain Java value objects and aggregates with no framework dependencies. */
package dev.tasktalk.domain;
