package com.offerpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LauncherSafetyTest {
    @TempDir
    Path dir;

    private static StandardEnvironment env(Map<String, Object> props) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", props));
        return env;
    }

    @Test
    void shouldRefuseDevLoginUnlessTheServerListensOnLoopbackOnly() {
        StandardEnvironment on = env(Map.of("offerpulse.jwt.dev-login", "true"));
        assertThatThrownBy(() -> LauncherSafety.devLoginOnlyOnLoopback(on, "0.0.0.0"))
                .hasMessageContaining("Refusing to start");
        assertThatThrownBy(() -> LauncherSafety.devLoginOnlyOnLoopback(on, null)).hasMessageContaining("Refusing");
        assertThatCode(() -> LauncherSafety.devLoginOnlyOnLoopback(on, "127.0.0.1")).doesNotThrowAnyException();
        assertThatCode(() -> LauncherSafety.devLoginOnlyOnLoopback(on, "::1")).doesNotThrowAnyException();
        assertThatCode(() -> LauncherSafety.devLoginOnlyOnLoopback(env(Map.of()), "0.0.0.0"))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldCreateTheDataDirectoryOwnerOnlyAndCloseAnOpenOne() throws Exception {
        Path fresh = dir.resolve("data");
        LauncherSafety.privateDataDirectory(fresh);
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        LauncherSafety.privateDataDirectory(open);
        assertThat(Files.getPosixFilePermissions(open)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }
}
