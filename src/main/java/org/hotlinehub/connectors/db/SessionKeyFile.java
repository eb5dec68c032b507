package org.hotlinehub.connectors.db;

import java.nio.file.Path;

import org.hotlinehub.config.KeyFiles;

/**
 * The key that encrypts sign-in session cookies, kept beside the embedded database so a restarted demo hub keeps its
 * users signed in (config.KeyFiles).
 */
public final class SessionKeyFile {

    private SessionKeyFile() {
    }

    public static String readOrCreate(Path file) {
        return KeyFiles.readOrCreate(file);
    }
}
