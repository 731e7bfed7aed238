package com.offerpulse.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {
    @TempDir
    Path dir;

    @Test
    void shouldCreateTheKeyAndItsDirectoriesOwnerOnlyAndReadTheSameKeyBack() throws Exception {
        Path file = dir.resolve("a/b/signing-key.jwk");
        var key = SigningKeyFile.readOrCreate(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("a"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("a/b"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isNotBlank();
        assertThat(SigningKeyFile.readOrCreate(file).getKeyID()).isEqualTo(key.getKeyID());
    }

    @Test
    void shouldRefuseAKeyFileOthersCanReadOrWrite() throws Exception {
        Path file = dir.resolve("signing-key.jwk");
        SigningKeyFile.readOrCreate(file);
        for (String loose : new String[] {"rw-r--r--", "rw-rw----", "rw-----w-"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(loose));
            assertThatThrownBy(() -> SigningKeyFile.read(file)).hasMessageContaining("other users may access it");
            assertThatThrownBy(() -> SigningKeyFile.readOrCreate(file)).hasMessageContaining("other users");
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotAPrivateKey() throws Exception {
        Path file = Files.createFile(dir.resolve("k.jwk"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, SigningKeyFile.generate().toPublicJWK().toJSONString());
        assertThatThrownBy(() -> SigningKeyFile.read(file)).hasMessageContaining("no private part");
    }
}
