package org.hotlinehub.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generated keys kept beside the embedded database (under {@code hub.data-dir}) when no key is configured, so a
 * restarted hub can still read what it wrote: the session cookies' key, the dead letters' key. Readable by the owner
 * only; the first of several starting at once wins.
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** The base64 of 32 random bytes, read from {@code file} or written there first. */
    public static String readOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            try {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, encoded, StandardCharsets.US_ASCII);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a key in " + file, e);
        }
    }
}
