package org.hotlinehub.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.config.KeyFiles;
import org.hotlinehub.model.Hashes;
import org.jboss.logging.Logger;

/**
 * Encrypts dead-letter bodies at rest with AES-256-GCM: {@code enc:v1:} + base64(12-byte IV + ciphertext and tag).
 * Bodies written before encryption (no prefix) are read as they are, so old dead letters still replay.
 */
@ApplicationScoped
public class DeadLetterCipher {

    static final String PREFIX = "enc:v1:";
    private static final String ALGORITHM = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Logger LOG = Logger.getLogger(DeadLetterCipher.class);

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    DeadLetterCipher(HubConfig config) {
        this(config.deadLetters().key().orElseGet(() -> {
            LOG.infof("hub.dead-letters.key is not set: dead letters are encrypted with the key kept in %s"
                    + " (set the key when several instances share the database)",
                    config.dataDir()
                            .resolve("dead-letter.key"));
            return KeyFiles.readOrCreate(config.dataDir().resolve("dead-letter.key"));
        }));
    }

    DeadLetterCipher(String secret) {
        if (secret.length() < 16) {
            throw new IllegalArgumentException("hub.dead-letters.key must have at least 16 characters");
        }
        this.key = new SecretKeySpec(java.util.HexFormat.of().parseHex(Hashes.sha256(secret)), "AES");
    }

    public String seal(String body) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(body.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a dead letter cannot be encrypted", e);
        }
    }

    /** The body as it was recorded; a body kept before encryption comes back as it is. */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a dead letter cannot be decrypted: was hub.dead-letters.key changed?",
                    e);
        }
    }
}
