package org.hotlinehub.model;

import java.util.Optional;

/**
 * Kinds of organizations that take on service items (可承接服务项目的组织). Codes as in docs/contract.md,
 * "Reference-data file".
 */
public enum PartnerType implements Coded {

    RESIDENTS_COMMITTEE("residents-committee", "居委会", "Residents' committee"),
    OWNERS_COMMITTEE("owners-committee", "业委会", "Owners' committee"),
    PROPERTY_FIRM("property-firm", "物业公司", "Property firm"),
    POLICE_DESK("police-desk", "社区警务室", "Community police desk"),
    SERVICE_PROVIDER("service-provider", "服务机构", "Service provider"),
    VOLUNTEER_TEAM("volunteer-team", "志愿服务队", "Volunteer team"),
    VOLUNTEER("volunteer", "志愿者", "Volunteer"),
    GRID_TEAM("grid-team", "网格服务队", "Grid service team"),
    MEDIATION("mediation", "人民调解委员会", "Mediation committee"),
    HEALTH_STATION("health-station", "社区卫生服务站", "Health station"),
    LEGAL_AID("legal-aid", "法律援助站", "Legal aid");

    private final String code;
    private final String nameZh;
    private final String nameEn;

    PartnerType(String code, String nameZh, String nameEn) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    @Override
    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public static Optional<PartnerType> fromCode(String code) {
        return Coded.fromCode(values(), code);
    }
}
