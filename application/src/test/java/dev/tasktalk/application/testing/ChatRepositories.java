package dev.tasktalk.application.testing;

import dev.tasktalk.application.port.out.persistence.AttachmentRepository;
import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.FeedbackRepository;
import dev.tasktalk.application.port.out.persistence.RunRepository;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;

/** The five chat repositories over one store, as the chat contracts exercise them together. */
public record ChatRepositories(
    ChatThreadRepository threads,
    ThreadItemRepository items,
    AttachmentRepository attachments,
    RunRepository runs,
    FeedbackRepository feedback) {}
