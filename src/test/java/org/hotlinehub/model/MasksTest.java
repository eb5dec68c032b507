package org.hotlinehub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MasksTest {

    @Test
    void shouldMaskPhonesAndOpenidsInADeadLettersBody() {
        String body = "{\"channel\":\"WECHAT\",\"externalId\":\"wechat:oAbCdEfGhIjKlMnOpQrStUvWxYz1:text\","
                + "\"phone\":\"+8613812345678\",\"wechatOpenid\":\"o6_bmjrPTlm6_2sgVt7hMZOPfL2M\","
                + "\"text\":\"请回电 13912345678\"}";
        assertEquals("{\"channel\":\"WECHAT\",\"externalId\":\"wechat:oAb***Yz1:text\","
                + "\"phone\":\"+86138****5678\",\"wechatOpenid\":\"o6_***L2M\","
                + "\"text\":\"请回电 139****5678\"}", Masks.personalIn(body));
    }

    @Test
    void shouldMaskTheSenderOfAWechatPushWhateverItsShape() {
        assertEquals("<xml><ToUserName><![CDATA[gh_***890]]></ToUserName><FromUserName><![CDATA[use***-42]]>"
                + "</FromUserName></xml>",
                Masks.personalIn("<xml><ToUserName><![CDATA[gh_1234567890]]></ToUserName>"
                        + "<FromUserName><![CDATA[user-openid-42]]></FromUserName></xml>"));
        assertEquals("{\"openid\":\"***\"}", Masks.personalIn("{\"openid\":\"short\"}"));
    }
}
