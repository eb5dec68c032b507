package org.hotlinehub.connectors.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * WeChat's signatures (docs/contract.md, "WeChat signatures"): SHA-1 of the parts sorted and joined, lowercase hex. The
 * URL {@code signature} covers token, timestamp and nonce; {@code msg_signature} also the {@code Encrypt} ciphertext.
 */
final class WechatSignature {

    private WechatSignature() {
    }

    static String sign(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    /** Constant-time comparison of the expected signature with the one sent (any case). */
    static boolean matches(String expected, String sent) {
        if (sent == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
