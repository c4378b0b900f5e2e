package dev.tasktalk.bootstrap.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Converts between an Ed25519 public key's raw 32 bytes (a JWK's {@code x}) and the JDK's {@link
 * PublicKey}, whose X.509 encoding is those bytes behind a fixed 12-byte prefix (RFC 8410).
 */
final class Ed25519Keys {

  static final int KEY_LENGTH = 32;

  // SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (0 unused bits) of 32 bytes }
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Ed25519Keys() {}

  static PublicKey publicKey(byte[] x) throws GeneralSecurityException {
    if (x.length != KEY_LENGTH) {
      throw new GeneralSecurityException("an Ed25519 public key has 32 bytes, not " + x.length);
    }
    byte[] encoded = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_LENGTH);
    System.arraycopy(x, 0, encoded, SPKI_PREFIX.length, KEY_LENGTH);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
  }

  /** The raw key bytes of an Ed25519 public key, or an exception if it is not one. */
  static byte[] rawKey(PublicKey key) throws GeneralSecurityException {
    byte[] encoded = key.getEncoded();
    if (encoded == null
        || encoded.length != SPKI_PREFIX.length + KEY_LENGTH
        || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new GeneralSecurityException("not an Ed25519 public key");
    }
    return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
  }
}
