package org.hotlinehub.model;

import java.util.Optional;

/** Why a partner hands a ticket back (退单); the hub rules on every return. */
public enum ReturnReason implements Coded {

    WRONG_AREA("wrong-area", "不属于本辖区", "Not in our area"),
    NOT_OUR_DUTY("not-our-duty", "不属于本单位职责", "Not our duty"),
    DUPLICATE("duplicate", "重复工单", "Duplicate of another ticket"),
    NEEDS_ANOTHER_PARTY("needs-another-party", "需其他单位办理", "Needs another party");

    private final String code;
    private final String labelZh;
    private final String labelEn;

    ReturnReason(String code, String labelZh, String labelEn) {
        this.code = code;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    @Override
    public String code() {
        return code;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    public static Optional<ReturnReason> fromCode(String code) {
        return Coded.fromCode(values(), code);
    }

    public static String codes() {
        return Coded.codes(values()).toString();
    }
}
