package com.offerpulse.query.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ShareTokensTest {

    @Test
    void shouldMake256RandomBitsInBase64UrlWithoutPadding() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String token = ShareTokens.generate();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            assertThat(ShareTokens.wellFormed(token)).isTrue();
            seen.add(token);
        }
        assertThat(seen).hasSize(1_000);
    }

    @Test
    void shouldHashToTheHexSha256OfTheTokenText() {
        // sha256("abc"), FIPS 180-2 test vector
        assertThat(ShareTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ShareTokens.logId(ShareTokens.hash("abc"))).isEqualTo("ba7816bf8f01");
    }

    @Test
    void shouldRefuseAnythingNotShapedLikeAToken() {
        assertThat(ShareTokens.wellFormed(null)).isFalse();
        assertThat(ShareTokens.wellFormed("")).isFalse();
        assertThat(ShareTokens.wellFormed("a".repeat(42))).isFalse();
        assertThat(ShareTokens.wellFormed("a".repeat(44))).isFalse();
        assertThat(ShareTokens.wellFormed("a".repeat(42) + "=")).isFalse();
        assertThat(ShareTokens.wellFormed("a".repeat(42) + "/")).isFalse();
    }
}
