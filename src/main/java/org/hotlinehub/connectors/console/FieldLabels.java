package org.hotlinehub.connectors.console;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Labels of the reference-data form fields (the CSV columns) in both languages, and which validator problem belongs
 * to which field: the validator names fields as the YAML does ({@code name.zh}, {@code delivery.url}).
 */
final class FieldLabels {

    private static final Map<String, List<String>> LABELS = Map.ofEntries(
            Map.entry("code", List.of("编码", "Code")),
            Map.entry("type", List.of("类型", "Type")),
            Map.entry("parent", List.of("上级地点编码", "Parent place code")),
            Map.entry("name_zh", List.of("中文名称", "Name (Chinese)")),
            Map.entry("name_en", List.of("英文名称", "Name (English)")),
            Map.entry("name", List.of("姓名", "Name")),
            Map.entry("aliases", List.of("别名", "Aliases")),
            Map.entry("address", List.of("地址", "Address")),
            Map.entry("lat", List.of("纬度", "Latitude")),
            Map.entry("lon", List.of("经度", "Longitude")),
            Map.entry("group", List.of("分组", "Group")),
            Map.entry("keywords_zh", List.of("中文关键词", "Keywords (Chinese)")),
            Map.entry("keywords_en", List.of("英文关键词", "Keywords (English)")),
            Map.entry("urgency", List.of("紧急程度（urgent / normal / low）", "Urgency (urgent / normal / low)")),
            Map.entry("accept-within", List.of("受理时限（如 PT30M）", "Accept within (e.g. PT30M)")),
            Map.entry("resolve-within", List.of("办结时限（如 PT48H）", "Resolve within (e.g. PT48H)")),
            Map.entry("party", List.of("承办方类型", "Handling partner type")),
            Map.entry("fallback", List.of("备选承办方类型", "Fallback partner types")),
            Map.entry("skills", List.of("技能", "Skills")),
            Map.entry("serves", List.of("服务地点编码", "Serves (place codes)")),
            Map.entry("services", List.of("服务事项编码", "Services (catalog codes)")),
            Map.entry("channel", List.of("派单方式（webhook / jms / sms / portal）",
                    "Delivery (webhook / jms / sms / portal)")),
            Map.entry("url", List.of("Webhook 地址", "Webhook URL")),
            Map.entry("secret", List.of("Webhook 签名密钥", "Webhook signing secret")),
            Map.entry("phone", List.of("电话", "Phone")),
            Map.entry("contact", List.of("联系人", "Contact")),
            Map.entry("give-up-after", List.of("放弃投递时限（如 PT24H）", "Give up delivery after (e.g. PT24H)")),
            Map.entry("grid", List.of("所属网格编码", "Grid code")),
            Map.entry("on-duty", List.of("值班时间（如 mon-fri 08:00-18:00）", "On duty (e.g. mon-fri 08:00-18:00)")),
            Map.entry("place", List.of("所在地点编码", "Place code")),
            Map.entry("flags", List.of("标记（如 elderly-alone）", "Flags (e.g. elderly-alone)")),
            Map.entry("language", List.of("语言（zh / en）", "Language (zh / en)")),
            Map.entry("emergency-contacts", List.of("紧急联系人电话", "Emergency contacts")));

    /** Fields that take several values separated by ';'. */
    static final Set<String> LISTS = Set.of("aliases", "keywords_zh", "keywords_en", "fallback", "skills", "serves",
            "services", "on-duty", "flags", "emergency-contacts");

    private FieldLabels() {
    }

    static String label(String field, boolean english) {
        List<String> both = LABELS.get(field);
        return both == null ? field : both.get(english ? 1 : 0);
    }

    /** The form field a validator's field name stands for. */
    static String formField(String validatorField) {
        if (validatorField == null || validatorField.isEmpty()) {
            return "";
        }
        String f = validatorField.replace("name.", "name_").replace("delivery.", "");
        return switch (f) {
            case "lat/lon" -> "lat";
            case "emergency" -> "emergency-contacts";
            case "unavailable" -> "on-duty";
            default -> f;
        };
    }
}
