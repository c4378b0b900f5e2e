package dev.tasktalk.bootstrap.security;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import java.util.List;

/**
 * One configured source of verification keys, asked for the verifiers that may fit a token's
 * header.
 */
interface SigningKeys {

  /**
   * The verifiers worth trying for a token with this header (algorithm and key id); empty if none
   * fit.
   *
   * @throws SigningKeysUnavailableException if the keys could not be fetched
   */
  List<JWSVerifier> verifiersFor(JWSHeader header);
}
