package org.hotlinehub.connectors.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The hardened parser: WeChat's flat XML in, every DOCTYPE and entity trick out, fast and without side effects. */
class WechatXmlTest {

    static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
            + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
            + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
            + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
            + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
            + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
            + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>"
            + "<xml><ToUserName>gh</ToUserName><FromUserName>oAbcdef</FromUserName><CreateTime>1</CreateTime>"
            + "<MsgType>text</MsgType><Content>&lol9;</Content><MsgId>1</MsgId></xml>";

    static String fileEntity(Path file) {
        return "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + file.toUri() + "\">]>"
                + "<xml><ToUserName>gh</ToUserName><FromUserName>oAbcdef</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>";
    }

    static String networkEntity(int port) {
        return "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY % remote SYSTEM \"http://127.0.0.1:" + port
                + "/evil.dtd\"> %remote;]><xml><ToUserName>gh</ToUserName><FromUserName>oAbcdef</FromUserName>"
                + "<CreateTime>1</CreateTime><MsgType>text</MsgType><Content>x</Content><MsgId>1</MsgId></xml>";
    }

    static String externalDtd(int port) {
        return "<?xml version=\"1.0\"?><!DOCTYPE xml SYSTEM \"http://127.0.0.1:" + port + "/evil.dtd\">"
                + "<xml><Content>x</Content></xml>";
    }

    @Test
    void shouldReadTheFieldsOfAWechatMessage() {
        Map<String, String> f = WechatXml.parse(("<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName>"
                + "<![CDATA[fromUser]]></FromUserName><CreateTime>1351776360</CreateTime><MsgType><![CDATA[location]]>"
                + "</MsgType><Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale>"
                + "<Label><![CDATA[位置信息]]></Label><MsgId>1234567890123456</MsgId>"
                + "<ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo></xml>").getBytes(StandardCharsets.UTF_8));
        assertEquals("fromUser", f.get("FromUserName"));
        assertEquals("23.134521", f.get("Location_X"));
        assertEquals("位置信息", f.get("Label"));
        assertEquals("1234567890123456", f.get("MsgId"));
        assertEquals(null, f.get("ScanType"), "nested elements are not fields");
    }

    @Test
    void shouldRejectBillionLaughsInMilliseconds() {
        long start = System.nanoTime();
        var e = assertThrows(WechatCrypto.InvalidMessageException.class,
                () -> WechatXml.parse(BILLION_LAUGHS.getBytes(StandardCharsets.UTF_8)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("DOCTYPE is not allowed in WeChat messages", e.getMessage());
        assertTrue(millis < 200, "took " + millis + " ms");
    }

    @Test
    void shouldRejectAFileEntityWithoutReadingTheFile() throws IOException {
        Path secret = Files.createTempFile("wechat-xxe", ".txt");
        Files.writeString(secret, "TOP-SECRET");
        try {
            var e = assertThrows(WechatCrypto.InvalidMessageException.class,
                    () -> WechatXml.parse(fileEntity(secret).getBytes(StandardCharsets.UTF_8)));
            assertEquals(400, e.status);
            assertTrue(!e.getMessage().contains("TOP-SECRET"));
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void shouldRejectNetworkEntitiesWithoutConnecting() throws IOException {
        try (ServerSocket listener = new ServerSocket(0)) {
            listener.setSoTimeout(300);
            for (String xml : new String[]{networkEntity(listener.getLocalPort()),
                    externalDtd(listener.getLocalPort())}) {
                assertThrows(WechatCrypto.InvalidMessageException.class,
                        () -> WechatXml.parse(xml.getBytes(StandardCharsets.UTF_8)));
            }
            assertThrows(SocketTimeoutException.class, listener::accept, "the parser connected out");
        }
    }

    @Test
    void shouldRejectUndeclaredEntitiesAndBrokenXml() {
        assertThrows(WechatCrypto.InvalidMessageException.class,
                () -> WechatXml.parse("<xml><Content>&xxe;</Content></xml>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(WechatCrypto.InvalidMessageException.class,
                () -> WechatXml.parse("<xml><Content>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(WechatCrypto.InvalidMessageException.class,
                () -> WechatXml.parse("<html/>".getBytes(StandardCharsets.UTF_8)));
    }
}
