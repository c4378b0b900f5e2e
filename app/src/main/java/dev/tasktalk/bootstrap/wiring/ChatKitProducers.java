package dev.tasktalk.bootstrap.wiring;

import dev.tasktalk.adapter.in.rest.chatkit.wire.ChatKitCodec;
import dev.tasktalk.adapter.out.llm.ModelProviderAdapters;
import dev.tasktalk.application.chatkit.PreviewLinks;
import dev.tasktalk.application.port.in.chatkit.AttachmentUseCase;
import dev.tasktalk.application.port.in.chatkit.ChatKitUseCase;
import dev.tasktalk.application.port.in.chatkit.ChatUseCase;
import dev.tasktalk.application.port.in.chatkit.HostedSessionUseCase;
import dev.tasktalk.application.port.out.persistence.AttachmentRepository;
import dev.tasktalk.application.port.out.persistence.ChatThreadRepository;
import dev.tasktalk.application.port.out.persistence.FeedbackRepository;
import dev.tasktalk.application.port.out.persistence.RunRepository;
import dev.tasktalk.application.port.out.persistence.SecretRepository;
import dev.tasktalk.application.port.out.persistence.ThreadItemRepository;
import dev.tasktalk.application.port.out.turn.Responder;
import dev.tasktalk.application.service.chatkit.AttachmentService;
import dev.tasktalk.application.service.chatkit.ChatKitService;
import dev.tasktalk.application.service.chatkit.ChatKitSettings;
import dev.tasktalk.application.service.chatkit.ChatService;
import dev.tasktalk.application.service.hosted.HostedSessionService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Wires the ChatKit server: the protocol service over the JPA repositories and the agent behind it,
 * attachments, the plain JSON chat API and hosted sessions, each published as its use-case
 * interface.
 */
@ApplicationScoped
public class ChatKitProducers {

  @Inject ChatThreadRepository threads;
  @Inject ThreadItemRepository items;
  @Inject AttachmentRepository attachments;
  @Inject RunRepository runs;
  @Inject FeedbackRepository feedback;
  @Inject ModelProviderAdapters providers;
  @Inject TasktalkSettings settings;
  @Inject Responder responder;
  @Inject Clock clock;
  @Inject SecretRepository secrets;

  private ChatKitService chatKit;
  private ChatKitCodec codec;
  private ChatKitSettings chatKitSettings;
  private PreviewLinks previewLinks;

  // Long enough for a conversation to stay open, short enough that a leaked link soon goes stale;
  // reloading the thread issues fresh links. The key lives in the database, shared by every
  // instance.
  private static final Duration PREVIEW_LINK_LIFETIME = Duration.ofHours(12);
  private static final String PREVIEW_LINK_SECRET = "preview-links";

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @PostConstruct
  void init() {
    previewLinks =
        new PreviewLinks(
            () -> secrets.secret(PREVIEW_LINK_SECRET, randomKey()), clock, PREVIEW_LINK_LIFETIME);
    chatKitSettings =
        ChatKitSettings.defaults()
            .withPublicBaseUrl(settings.publicBaseUrl().orElse(""))
            .withMaxAttachmentBytes(settings.maxAttachmentBytes())
            .withPreviewLinks(previewLinks);
    codec = new ChatKitCodec(chatKitSettings.publicBaseUrl(), previewLinks);
    var transcriber =
        providers.transcriber(
            settings.llmBaseUrl().orElse(null),
            settings.llmApiKey(),
            settings.transcriptionModel().orElse(null));
    chatKit =
        new ChatKitService(
            threads,
            items,
            attachments,
            runs,
            feedback,
            responder,
            transcriber,
            clock,
            chatKitSettings);
  }

  @Produces
  @ApplicationScoped
  ChatKitUseCase chatKit() {
    return chatKit;
  }

  @Produces // dependent scope: PreviewLinks is final (not proxyable) and holds no per-use state
  PreviewLinks previewLinks() {
    return previewLinks;
  }

  @Produces // dependent scope: the codec is final (not proxyable) and immutable
  ChatKitCodec codec() {
    return codec;
  }

  @Produces
  @ApplicationScoped
  AttachmentUseCase attachmentUseCase() {
    return new AttachmentService(attachments, clock, chatKitSettings);
  }

  @Produces
  @ApplicationScoped
  ChatUseCase chat() {
    return new ChatService(chatKit, threads, items);
  }

  @Produces
  @ApplicationScoped
  HostedSessionUseCase hostedSessions() {
    Optional<String> key = settings.openAiApiKey();
    return new HostedSessionService(
        providers.hostedSessions(settings.openAiBaseUrl().orElse(null), key),
        key,
        settings.chatKitWorkflowId());
  }
}
