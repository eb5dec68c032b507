package org.hotlinehub.connectors.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's message encryption (docs/contract.md, "WeChat message encryption") with the JDK's AES: key =
 * Base64(EncodingAESKey + "="), 32 bytes; AES-256-CBC with IV = the key's first 16 bytes and the cipher's padding off;
 * PKCS#7 padding to 32-byte blocks done here; plaintext = random(16) || length (4 bytes, big-endian) || message (UTF-8)
 * || appid. Unlike WxJava, decryption checks the trailing appid.
 */
final class WechatCrypto {

    static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final String appId;

    /** @throws IllegalArgumentException when the EncodingAESKey is not 43 characters of base64 for 32 bytes */
    WechatCrypto(String encodingAesKey, String appId) {
        if (encodingAesKey == null || encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("hub.wechat.aes-key must be the 43-character EncodingAESKey");
        }
        try {
            this.key = Base64.getDecoder().decode(encodingAesKey + "=");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hub.wechat.aes-key is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("hub.wechat.aes-key does not decode to 32 bytes");
        }
        this.appId = appId;
    }

    String encrypt(String message) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return encrypt(random, message);
    }

    /** With the given 16 random bytes: deterministic, for the published test vectors. */
    String encrypt(byte[] random, String message) {
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = appId.getBytes(StandardCharsets.UTF_8);
        int length = 16 + 4 + msg.length + id.length;
        int pad = BLOCK - length % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(length + pad);
        plain.put(random, 0, 16).putInt(msg.length).put(msg).put(id);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        try {
            return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES encryption failed", e);
        }
    }

    /** @throws InvalidMessageException when it cannot be decrypted, is malformed, or names another appid */
    String decrypt(String encrypted) {
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypted.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("Encrypt is not base64");
        }
        if (cipherText.length == 0 || cipherText.length % 16 != 0) {
            throw new InvalidMessageException("Encrypt is not a whole number of AES blocks");
        }
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE).doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            throw new InvalidMessageException("Encrypt cannot be decrypted with hub.wechat.aes-key");
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length) {
            throw new InvalidMessageException("Encrypt has invalid padding (wrong key?)");
        }
        int end = plain.length - pad;
        if (end < 20) {
            throw new InvalidMessageException("Encrypt is too short");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || 20 + length > end) {
            throw new InvalidMessageException("Encrypt has an invalid message length (wrong key?)");
        }
        byte[] id = Arrays.copyOfRange(plain, 20 + length, end);
        if (!MessageDigest.isEqual(id, appId.getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidMessageException(403, "the encrypted message is for another appid");
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        return cipher;
    }

    /** A push the hub refuses: the message is the answer's text; 400, or 403 when it fails authentication. */
    static class InvalidMessageException extends RuntimeException {

        private static final long serialVersionUID = 1L;
        final int status;

        InvalidMessageException(String message) {
            this(400, message);
        }

        InvalidMessageException(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
