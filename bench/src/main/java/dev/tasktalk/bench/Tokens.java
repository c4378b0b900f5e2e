package dev.tasktalk.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HS256 tokens signed with the secret the benchmark gives the server as {@code JWT_SECRET}. */
final class Tokens {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final String secret;

  private Tokens(String secret) {
    this.secret = secret;
  }

  static Tokens random() {
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    return new Tokens(URL.encodeToString(bytes));
  }

  String secret() {
    return secret;
  }

  /** A token for {@code subject}, valid for a day. */
  String forUser(String subject) {
    long now = System.currentTimeMillis() / 1000;
    String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    String claims =
        encode("{\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 86_400) + "}");
    String signingInput = header + "." + claims;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return signingInput
          + "."
          + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String encode(String json) {
    return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
