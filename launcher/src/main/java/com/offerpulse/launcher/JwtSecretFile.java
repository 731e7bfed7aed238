package com.offerpulse.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import com.offerpulse.contracts.auth.HmacSecret;

/**
 * The embedded default's HS256 secret: generated once, kept in the data directory (owner-only), so tokens stay
 * valid across restarts without anyone having to configure a secret.
 */
final class JwtSecretFile {
    private JwtSecretFile() {
    }

    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                try {
                    Files.writeString(file, HmacSecret.generate() + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    restrict(file);
                } catch (FileAlreadyExistsException raced) {
                    // Another launcher on the same data directory wrote it first; use theirs.
                }
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            HmacSecret.parse(secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the JWT secret at " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Non-POSIX file systems keep their default permissions.
        }
    }
}
