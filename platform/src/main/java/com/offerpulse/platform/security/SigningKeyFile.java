package com.offerpulse.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.offerpulse.contracts.auth.HmacSecret;

/**
 * The embedded default's signing key: an EC P-256 key pair kept as JWK JSON in one file. Created owner-only from
 * the first byte (the permissions are an attribute of the create call, never a chmod afterwards); an existing file
 * is used only if it belongs to this user and nobody else can read or write it, else start-up stops with the
 * reason (another local user could have planted it to forge tokens, or read it).
 */
public final class SigningKeyFile {
    /** rw------- */
    public static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
    /** rwx------ */
    public static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SigningKeyFile() {
    }

    /** Reads the key, creating the file (and its directory, 0700) with a new key pair if there is none. */
    public static ECKey readOrCreate(Path file) {
        try {
            createPrivateDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    write(file, generate().toJSONString());
                } catch (FileAlreadyExistsException raced) {
                    // Another launcher on the same data directory wrote it first; its file is checked below.
                }
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the signing key at " + file, e);
        }
    }

    /**
     * A random HS256 secret kept in its own owner-only file, with the same checks as the key pair. The embedded
     * default signs only viewer invites with it (they are not bearer tokens: the verifier takes ES256 only there).
     */
    public static String readOrCreateSecret(Path file) {
        try {
            createPrivateDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    write(file, HmacSecret.generate());
                } catch (FileAlreadyExistsException raced) {
                    // Written meanwhile by another launcher; checked below.
                }
            }
            checkPrivate(file);
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            HmacSecret.parse(secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret at " + file, e);
        }
    }

    /** Reads an existing key file after checking who owns it and who may read it. */
    public static ECKey read(Path file) {
        try {
            checkPrivate(file);
            ECKey key = ECKey.parse(Files.readString(file, StandardCharsets.UTF_8).trim());
            if (!key.isPrivate() || key.getKeyID() == null) {
                throw new IllegalStateException("The signing key at " + file + " has no private part or no key id");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key at " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The signing key at " + file + " is not an EC JWK", e);
        }
    }

    /** Creates missing directories owner-only (existing ones are left as they are). */
    public static void createPrivateDirectories(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        createPrivateDirectories(dir.getParent());
        try {
            Files.createDirectory(dir, posix(DIRECTORY_PERMISSIONS));
        } catch (FileAlreadyExistsException raced) {
            // Created meanwhile by someone else: fine if it is a directory.
        }
    }

    static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an EC key pair", e);
        }
    }

    private static void write(Path file, String json) throws IOException {
        Files.write(Files.createFile(file, posix(FILE_PERMISSIONS)), (json + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static void checkPrivate(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return; // Not a POSIX file system: nothing to check.
        }
        PosixFileAttributes attributes = view.readAttributes();
        if (!attributes.isRegularFile()) {
            throw new IllegalStateException("Refusing " + file + ": not a regular file");
        }
        UserPrincipal me = file.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!attributes.owner().equals(me)) {
            throw new IllegalStateException("Refusing " + file + ": it belongs to "
                    + attributes.owner().getName() + ", not to " + me.getName());
        }
        Set<PosixFilePermission> loose = EnumSet.copyOf(GROUP_OR_OTHERS);
        loose.retainAll(attributes.permissions());
        if (!loose.isEmpty()) {
            throw new IllegalStateException("Refusing " + file + ": other users may access it ("
                    + PosixFilePermissions.toString(attributes.permissions()) + "); it must be rw------- (0600). "
                    + "Delete it to have a new key pair made, or fix its permissions if you trust its content.");
        }
    }

    private static FileAttribute<?>[] posix(Set<PosixFilePermission> permissions) {
        boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
