package dev.tasktalk.application.chatkit;

import dev.tasktalk.domain.attachment.AttachmentId;
import dev.tasktalk.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring preview links for attachments, so a browser can show an image with a plain
 * {@code <img src>} (which cannot send a bearer token) while the link still works for its owner
 * only: the query names the owner and an expiry, and an HMAC over id, owner and expiry proves the
 * server issued it. The key comes from a supplier, asked once on first use: the server keeps it in
 * the database so that every instance signs and verifies alike.
 */
public final class PreviewLinks {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

  private final Supplier<byte[]> secret;
  private final Clock clock;
  private final Duration lifetime;
  private volatile SecretKeySpec key;

  public PreviewLinks(byte[] secret, Clock clock, Duration lifetime) {
    this(secret::clone, clock, lifetime);
  }

  /** {@code secret} is asked on first use, and again only if that failed. */
  public PreviewLinks(Supplier<byte[]> secret, Clock clock, Duration lifetime) {
    this.secret = Objects.requireNonNull(secret);
    this.clock = Objects.requireNonNull(clock);
    this.lifetime = Objects.requireNonNull(lifetime);
  }

  /** The query string ({@code ?u=…&exp=…&sig=…}) that makes a content URL work without a token. */
  public String query(AttachmentId id, UserId owner) {
    long expires = clock.instant().plus(lifetime).getEpochSecond();
    String user = B64.encodeToString(owner.value().getBytes(StandardCharsets.UTF_8));
    return "?u=" + user + "&exp=" + expires + "&sig=" + sign(id, user, expires);
  }

  /** The owner a link was issued for, if its signature is ours and it has not expired. */
  public Optional<UserId> verify(AttachmentId id, String user, String expires, String signature) {
    if (user == null || expires == null || signature == null) {
      return Optional.empty();
    }
    try {
      long expiry = Long.parseLong(expires);
      byte[] expected = sign(id, user, expiry).getBytes(StandardCharsets.US_ASCII);
      boolean valid =
          MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
      if (!valid || clock.instant().getEpochSecond() > expiry) {
        return Optional.empty();
      }
      return Optional.of(new UserId(new String(UNB64.decode(user), StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private SecretKeySpec key() {
    SecretKeySpec current = key;
    if (current == null) {
      byte[] bytes = secret.get();
      if (bytes.length < 32) {
        throw new IllegalArgumentException("preview link secret must have at least 32 bytes");
      }
      current = new SecretKeySpec(bytes, "HmacSHA256");
      key = current;
    }
    return current;
  }

  private String sign(AttachmentId id, String user, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      byte[] digest =
          mac.doFinal((id.value() + "\n" + user + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return B64.encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
