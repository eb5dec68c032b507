package org.hotlinehub.connectors.wechat;

import static org.hotlinehub.model.Strings.blankToNullUnstripped;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One push from WeChat after its signature (and decryption) checked out, with the fields of docs/contract.md, "WeChat
 * push messages", that the hub uses. {@link #dedupeKey()} is WeChat's retry identity: the MsgId of an ordinary message,
 * sender and CreateTime (with the event and its key) of an event.
 */
record WechatMessage(
        String account,
        String openid,
        long createTime,
        String type,
        String msgId,
        String content,
        String event,
        String eventKey,
        String mediaId,
        String picUrl,
        String format,
        String recognition,
        Double lat,
        Double lon,
        String label,
        String templateMsgId,
        String templateStatus) {

    private static final Pattern OPENID = Pattern.compile("[A-Za-z0-9_-]{6,64}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,20}");
    static final int MAX_CONTENT = 2048;

    String dedupeKey() {
        // WxJava adds the event and its key, so a subscribe and a menu click in the same second stay two events.
        return msgId != null
                ? "msg:" + msgId
                : "ev:" + openid + ":" + createTime + ":" + event + (eventKey == null ? "" : ":" + eventKey);
    }

    /** @throws WechatCrypto.InvalidMessageException (400) when a field WeChat always sends is missing or malformed */
    static WechatMessage of(Map<String, String> f) {
        String openid = required(f, "FromUserName");
        if (!OPENID.matcher(openid).matches()) {
            throw new WechatCrypto.InvalidMessageException("FromUserName is not an openid");
        }
        String account = required(f, "ToUserName");
        String created = required(f, "CreateTime");
        if (!DIGITS.matcher(created).matches()) {
            throw new WechatCrypto.InvalidMessageException("CreateTime is not a number");
        }
        String type = required(f, "MsgType");
        String msgId = blankToNullUnstripped(f.get("MsgId"));
        if (msgId != null && !DIGITS.matcher(msgId).matches()) {
            throw new WechatCrypto.InvalidMessageException("MsgId is not a number");
        }
        if (msgId == null && !"event".equals(type)) {
            throw new WechatCrypto.InvalidMessageException("MsgId is required for a " + type + " message");
        }
        String content = blankToNullUnstripped(f.get("Content"));
        String recognition = blankToNullUnstripped(f.get("Recognition"));
        if ((content != null && content.length() > MAX_CONTENT)
                || (recognition != null && recognition.length() > MAX_CONTENT)) {
            throw new WechatCrypto.InvalidMessageException("the message is longer than " + MAX_CONTENT
                    + " characters");
        }
        Double lat = coordinate(f, "Location_X", 90);
        Double lon = coordinate(f, "Location_Y", 180);
        if ("location".equals(type) && (lat == null || lon == null)) {
            throw new WechatCrypto.InvalidMessageException("a location needs Location_X and Location_Y");
        }
        return new WechatMessage(account, openid, Long.parseLong(created), type, msgId, content,
                blankToNullUnstripped(f.get("Event")), blankToNullUnstripped(f.get("EventKey")),
                blankToNullUnstripped(f.get("MediaId")), blankToNullUnstripped(f.get("PicUrl")),
                blankToNullUnstripped(f.get("Format")), recognition, lat, lon, blankToNullUnstripped(f.get("Label")),
                blankToNullUnstripped(f.get("MsgID")), blankToNullUnstripped(f.get("Status")));
    }

    private static String required(Map<String, String> f, String name) {
        String value = blankToNullUnstripped(f.get(name));
        if (value == null) {
            throw new WechatCrypto.InvalidMessageException(name + " is missing");
        }
        return value.strip();
    }

    private static Double coordinate(Map<String, String> f, String name, double max) {
        String value = blankToNullUnstripped(f.get(name));
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isNaN(d) || Math.abs(d) > max) {
                throw new WechatCrypto.InvalidMessageException(name + " is out of range");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new WechatCrypto.InvalidMessageException(name + " is not a number");
        }
    }
}
