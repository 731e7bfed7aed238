package com.offerpulse.platform.security;

import java.util.Optional;

import com.nimbusds.jose.jwk.ECKey;

/**
 * The keys this service holds itself: the EC signing key (embedded default) whose public half is published at
 * {@link JwksController#PATH}, and the mint that signs guest (and dev-login) tokens, absent when every token comes
 * from an external provider.
 */
public record LocalTokenKeys(Optional<ECKey> signingKey, Optional<TokenMint> mint) {
}
