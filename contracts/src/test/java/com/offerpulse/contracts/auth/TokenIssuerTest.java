package com.offerpulse.contracts.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;

class TokenIssuerTest {

    @Test
    void shouldIssueAVerifiableHs256TokenWithSubjectRolesAndExpiry() throws Exception {
        String secret = HmacSecret.generate();
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        IssuedToken issued = new TokenIssuer(HmacSecret.parse(secret))
                .issue("u_1", "ada", Set.of(Role.CANDIDATE, Role.ANALYST), Duration.ofHours(2), now);

        SignedJWT jwt = SignedJWT.parse(issued.token());
        assertThat(jwt.verify(new MACVerifier(HmacSecret.parse(secret)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("u_1");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim(TokenClaims.ROLES)).containsExactly("analyst", "candidate");
        assertThat(issued.expiresAt()).isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(jwt.verify(new MACVerifier(HmacSecret.parse(HmacSecret.generate())))).isFalse();
    }

    @Test
    void shouldDeriveTheSameUserIdForTheSameUsername() {
        assertThat(TokenIssuer.userIdFor("Ada")).isEqualTo(TokenIssuer.userIdFor(" ada ")).startsWith("u_").hasSize(22);
        assertThat(TokenIssuer.userIdFor("ada")).isNotEqualTo(TokenIssuer.userIdFor("grace"));
    }

    @Test
    void shouldRefuseShortSecrets() {
        assertThatThrownBy(() -> HmacSecret.parse("too-short")).hasMessageContaining("at least 32 bytes");
        assertThat(HmacSecret.parse("x".repeat(32)).getEncoded()).hasSize(32);
    }
}
