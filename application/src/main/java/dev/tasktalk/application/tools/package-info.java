/**
 * The task tools the assistant and MCP clients call: their JSON Schemas, argument checking, results
 * as JSON for the model with titles for people, and a record of every call.
 */
package dev.tasktalk.application.tools;
