package org.hotlinehub.connectors.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * The published test vectors of docs/contract.md, "WeChat message encryption" (WxJava WxCryptUtilTest, re-computed with
 * Node and wechat-crypto).
 */
class WechatCryptoTest {

    static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String APP_ID = "wxb11529c136998cb6";
    static final String ENCRYPTED = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    private final WechatCrypto crypto = new WechatCrypto(KEY, APP_ID);

    @Test
    void shouldEncryptThePublishedVector() {
        assertEquals(ENCRYPTED, crypto.encrypt("aaaabbbbccccdddd".getBytes(StandardCharsets.UTF_8), "我是中文abcd123"));
    }

    @Test
    void shouldDecryptThePublishedVector() {
        assertEquals("我是中文abcd123", crypto.decrypt(ENCRYPTED));
    }

    @Test
    void shouldSignThePublishedVectors() {
        assertEquals("82c962d39941aa48552f90ef55aa323dc620cc10",
                WechatSignature.sign("pamtest", "1409304348", "xxxxxx", ENCRYPTED));
        assertEquals("76480565cbe296026c53aaacd1ad523a1ddba24f",
                WechatSignature.sign("pamtest", "1409304348", "xxxxxx"));
        assertEquals("8edac0945683c119ee71c9f6256d76c48aa08a96",
                WechatSignature.sign("RMNlACHlV5ThzfRlVS4D4", "timestamp", "nonce", "encrypt"));
    }

    @Test
    void shouldCompareSignaturesIgnoringCaseOnly() {
        String sig = WechatSignature.sign("pamtest", "1409304348", "xxxxxx");
        assertEquals(true, WechatSignature.matches(sig, sig.toUpperCase()));
        assertEquals(false, WechatSignature.matches(sig, sig.substring(1) + "0"));
        assertEquals(false, WechatSignature.matches(sig, null));
    }

    @Test
    void shouldRoundTripWithFreshRandomBytesEveryTime() {
        String xml = "<xml><Content><![CDATA[电梯坏了 the lift is broken]]></Content></xml>";
        String a = crypto.encrypt(xml);
        String b = crypto.encrypt(xml);
        assertNotEquals(a, b);
        assertEquals(xml, crypto.decrypt(a));
        assertEquals(xml, crypto.decrypt(b));
    }

    @Test
    void shouldPadToBlocksOf32WithAFullBlockWhenAligned() {
        // 16 random + 4 length + 12 message + 18 appid = 50 → 14 bytes of padding (64); 62 message bytes → 100 → 128.
        for (int len = 0; len <= 70; len++) {
            String msg = "x".repeat(len);
            byte[] cipher = Base64.getDecoder().decode(crypto.encrypt(msg));
            int plain = 16 + 4 + len + APP_ID.length();
            assertEquals(plain + (32 - plain % 32), cipher.length, "length for a " + len + "-byte message");
            assertEquals(msg, crypto.decrypt(Base64.getEncoder().encodeToString(cipher)));
        }
    }

    @Test
    void shouldRefuseAMessageForAnotherAppid() {
        String other = new WechatCrypto(KEY, "wx0000000000000000").encrypt("<xml/>");
        WechatCrypto.InvalidMessageException e = assertThrows(WechatCrypto.InvalidMessageException.class,
                () -> crypto.decrypt(other));
        assertEquals(403, e.status);
        assertEquals("the encrypted message is for another appid", e.getMessage());
    }

    @Test
    void shouldRefuseCiphertextFromAnotherKeyOrTampered() {
        String other = new WechatCrypto("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefg", APP_ID).encrypt("<xml/>");
        assertThrows(WechatCrypto.InvalidMessageException.class, () -> crypto.decrypt(other));
        assertThrows(WechatCrypto.InvalidMessageException.class, () -> crypto.decrypt("not base64!"));
        assertThrows(WechatCrypto.InvalidMessageException.class, () -> crypto.decrypt("AAAA"));
    }

    @Test
    void shouldRefuseAKeyThatIsNotAnEncodingAesKey() {
        assertThrows(IllegalArgumentException.class, () -> new WechatCrypto("short", APP_ID));
    }
}
