/**
 * A small JSON tree of our own, with a strict parser and a compact writer, so the application can
 * build and read item payloads and tool arguments without a JSON library: the objects keep their
 * key order, and the text it writes is what the ChatKit endpoint's Jackson would write for the same
 * tree.
 */
package dev.tasktalk.application.json;
