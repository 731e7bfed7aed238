package com.offerpulse.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.PropertyResolver;

import com.offerpulse.platform.security.SigningKeyFile;

/**
 * What the launcher checks before it starts anything: a private data directory (transcripts, keys and Kafka logs
 * live there), and no sign-in-by-name reachable from other machines.
 */
final class LauncherSafety {
    private static final Logger log = LoggerFactory.getLogger(LauncherSafety.class);

    private LauncherSafety() {
    }

    /**
     * Creates the data directory owner-only (0700) from the start; an existing one must belong to this user, and is
     * closed to group and others if it was open (its content is everyone's transcripts).
     */
    static void privateDataDirectory(Path dir) {
        try {
            SigningKeyFile.createPrivateDirectories(dir);
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view == null) {
                return;
            }
            PosixFileAttributes attributes = view.readAttributes();
            UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!attributes.owner().equals(me)) {
                throw new IllegalStateException("Refusing the data directory " + dir + ": it belongs to "
                        + attributes.owner().getName() + ", not to " + me.getName());
            }
            if (!attributes.permissions().equals(SigningKeyFile.DIRECTORY_PERMISSIONS)) {
                log.warn("The data directory {} was {}; closing it to other users (rwx------)", dir,
                        PosixFilePermissions.toString(attributes.permissions()));
                view.setPermissions(SigningKeyFile.DIRECTORY_PERMISSIONS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data directory " + dir, e);
        }
    }

    /**
     * Dev-login signs anybody in by name: it is refused unless the server listens on loopback only.
     */
    static void devLoginOnlyOnLoopback(PropertyResolver env, String serverAddress) {
        boolean devLogin = Boolean.parseBoolean(env.getProperty("offerpulse.jwt.dev-login", "false"));
        if (devLogin && !isLoopback(serverAddress)) {
            throw new IllegalStateException("Refusing to start: offerpulse.jwt.dev-login=true signs anybody in by "
                    + "name, and the server would listen on " + serverAddress + ", which other machines can reach. "
                    + "Bind to 127.0.0.1 (server.address) or turn dev-login off.");
        }
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false; // Spring's default: every interface.
        }
        try {
            return InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
