/**
 * The offline model: a deterministic, rule-based {@code LanguageModel} used when no real model is
 * configured. It understands a few plain-English task commands, answers through the same tool-call
 * and streaming path as a provider, and says clearly that it is not an AI model.
 */
package dev.tasktalk.adapter.out.llm.offline;
