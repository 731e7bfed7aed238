package com.offerpulse.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.platform.security.SigningKeyFile;

class RoleTokenTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldSignARoleTokenWithTheDataDirectorysKey() throws Exception {
        var key = SigningKeyFile.readOrCreate(dataDir.resolve("signing-key.jwk"));
        String token = RoleToken.issue(dataDir, Role.ANALYST, "u_ada", Duration.ofHours(1), Clock.systemUTC()).token();
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new ECDSAVerifier(key.toECPublicKey()))).isTrue();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("u_ada");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("analyst", "candidate");
    }

    @Test
    void shouldRefuseWithoutAPrivateKeyFileOrWithABadUserId() throws Exception {
        assertThatThrownBy(() -> RoleToken.issue(dataDir, Role.ANALYST, "u_ada", Duration.ofHours(1),
                Clock.systemUTC())).hasMessageContaining("signing-key.jwk");
        SigningKeyFile.readOrCreate(dataDir.resolve("signing-key.jwk"));
        Files.setPosixFilePermissions(dataDir.resolve("signing-key.jwk"), PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> RoleToken.issue(dataDir, Role.ANALYST, "u_ada", Duration.ofHours(1),
                Clock.systemUTC())).hasMessageContaining("other users");
        assertThatThrownBy(() -> RoleToken.issue(dataDir, Role.ANALYST, "a b", Duration.ofHours(1),
                Clock.systemUTC())).hasMessageContaining("Not a user id");
    }
}
