package org.hotlinehub.referencedata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ReferenceDataLoaderTest {

    @Inject
    ReferenceDataLoader loader;
    @Inject
    Sql sql;

    Path dir;

    @BeforeEach
    void tempDir() throws Exception {
        dir = Files.createTempDirectory("refdata-test-");
    }

    /** Writes the document to a file of this name in the test's directory. */
    private Path file(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    /** Loads the file, which must be refused as a whole. */
    private ReferenceDataException refused(Path file) {
        return assertThrows(ReferenceDataException.class, () -> loader.load(file));
    }

    @Test
    void shouldLoadTheDemoDistrictAtStart() {
        assertEquals(1L, sql.count("select count(*) from place where type = 'district'"));
        // the demo district's communities (the tests add fixture communities of their own, FX-…)
        assertEquals(4L, sql.count("select count(*) from place where type = 'community' and code like 'SN-%'"));
        assertTrue(sql.count("select count(*) from place where type = 'compound'") >= 20);
        assertEquals(10L, sql.count("select count(distinct type) from partner"), "every organization type");
        assertTrue(sql.count("select count(*) from volunteer") >= 40);
        assertTrue(sql.count("select count(*) from resident where registered"
                + " and ('elderly-alone' = any(flags) or 'disabled' = any(flags))") >= 5);
        assertEquals("+8613900000003", sql.one("select emergency_contacts[1] from resident where phone = ?",
                "+8613900000002"));
    }

    @Test
    void shouldApplyNothingAndNameEveryProblemWhenAFileIsBroken() throws Exception {
        Path file = file("broken.yaml", """
                places:
                  - {code: NEW-COMPOUND, type: compound, parent: SN-01-03-G07, name: {zh: 新小区}}
                  - {code: ORPHAN, type: compound, parent: NO-SUCH-GRID, name: {zh: 孤儿小区}}
                catalog:
                  - code: broken-entry
                    name: {zh: 坏条目}
                    urgency: whenever
                    accept-within: 30 minutes
                    resolve-within: PT48H
                    party: wizard
                partners:
                  - code: PF-BAD
                    type: property-firm
                    name: {zh: 坏物业}
                    serves: [NOWHERE]
                    delivery: {channel: webhook, url: "not a url"}
                """);
        ReferenceDataException e = refused(file);
        String message = e.getMessage();
        assertTrue(message.startsWith("reference data " + file + " was not applied"), message);
        assertTrue(e.problems().contains("places[1] (ORPHAN): parent 'NO-SUCH-GRID' is not a known place"),
                message);
        assertTrue(e.problems().contains("catalog[0] (broken-entry): urgency 'whenever' is not one of"
                + " [urgent, normal, low]"), message);
        assertTrue(e.problems().contains("catalog[0] (broken-entry): accept-within '30 minutes' is not an"
                + " ISO-8601 duration such as PT30M or P2D"), message);
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("catalog[0] (broken-entry): party 'wizard'")),
                message);
        assertTrue(e.problems().contains("partners[0] (PF-BAD): serves: unknown place 'NOWHERE'"), message);
        assertTrue(e.problems().contains("partners[0] (PF-BAD): delivery.url 'not a url' is not a URL")
                || e.problems().contains("partners[0] (PF-BAD): delivery.url 'not a url' must be an http(s) URL"),
                message);
        assertTrue(e.problems().contains("partners[0] (PF-BAD): delivery.secret is required for a webhook (it"
                + " signs every delivery)"), message);
        assertEquals(0L, sql.count("select count(*) from place where code = 'NEW-COMPOUND'"),
                "the valid entries of a broken file are not applied either");
    }

    @Test
    void shouldReportUnknownKeysWithTheirLine() throws Exception {
        Path file = file("typo.yaml", """
                places:
                  - {code: X1, type: compound, parent: SN-01-03-G07, name: {zh: 小区}, adress: 错字}
                """);
        ReferenceDataException e = refused(file);
        assertTrue(e.problems().get(0).startsWith("line 2: unknown key 'adress'"), e.getMessage());
    }

    @Test
    void shouldUpsertByCodeWhenAFileIsLoadedAgain() throws Exception {
        loader.load(file("ok.yaml", """
                places:
                  - {code: UPSERT-COURT, type: compound, parent: SN-01-03-G07, name: {zh: 旧名字}}
                """));
        loader.load(file("ok.yaml", """
                places:
                  - {code: UPSERT-COURT, type: compound, parent: SN-01-03-G08, name: {zh: 新名字}, aliases: [新名]}
                """));
        assertEquals(1L, sql.count("select count(*) from place where code = 'UPSERT-COURT'"));
        assertEquals("新名字", sql.one("select name_zh from place where code = 'UPSERT-COURT'"));
        assertEquals("SN-01-03-G08", sql.one("select p.code from place c join place p on p.id = c.parent_id"
                + " where c.code = 'UPSERT-COURT'"));
    }

    @Test
    void shouldNameEveryProblemWhenAttributesUsersOrApiClientsAreBroken() throws Exception {
        Path file = file("access.yaml",
                """
                        catalog:
                          - code: with-attributes
                            name: {zh: 带属性}
                            urgency: normal
                            accept-within: PT1H
                            resolve-within: PT24H
                            party: property-firm
                            attributes:
                              - {code: colour, datatype: colour, description: {zh: 颜色}}
                              - {code: kind, datatype: singlevaluelist, description: {zh: 种类}}
                              - {code: size, datatype: number, order: 0, description: {en: Size}, values: [{key: a, name: {zh: 甲}}]}
                        api-clients:
                          - {code: SHORT-KEY, name: 短钥匙, api-key: "short", roles: [wizard]}
                        users:
                          - {username: both, password: "long-enough-pass", password-hash: "$2a$10$x", roles: [operator]}
                          - {username: nohash, password-hash: "plain", roles: []}
                        """);
        ReferenceDataException e = refused(file);
        String at = "catalog[0] (with-attributes): attributes";
        assertTrue(e.problems().contains(at + "[0] (colour): datatype 'colour' is not one of [string, number,"
                + " datetime, text, singlevaluelist, multivaluelist]"), e.getMessage());
        assertTrue(e.problems().contains(at + "[1] (kind): a singlevaluelist needs values"), e.getMessage());
        assertTrue(e.problems().contains(at + "[2] (size): description.zh is required"), e.getMessage());
        assertTrue(e.problems().contains(at + "[2] (size): order must be a positive number used by no other"
                + " attribute of the entry"), e.getMessage());
        assertTrue(e.problems().contains(at + "[2] (size): only singlevaluelist and multivaluelist take values"),
                e.getMessage());
        assertTrue(e.problems().contains("api-clients[0] (SHORT-KEY): api-key is required and must have at least 16"
                + " characters"), e.getMessage());
        assertTrue(e.problems().contains("api-clients[0] (SHORT-KEY): unknown role 'wizard' ([admin, open311,"
                + " operator, partner, supervisor])"), e.getMessage());
        assertTrue(e.problems().contains("users[0] (both): give either password (e.g. ${ENV_NAME}) or password-hash"
                + " (bcrypt), not both"), e.getMessage());
        assertTrue(e.problems().contains("users[1] (nohash): password-hash is not a bcrypt hash ($2a$10$…)"),
                e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("users[1] (nohash): roles must name")),
                e.getMessage());
    }

    @Test
    void shouldStoreAttributesInOrderAndHashKeysAndPasswordsWhenAccessFileIsValid() throws Exception {
        Path file = file("access-ok.yaml", """
                catalog:
                  - code: attr-ok
                    name: {zh: 属性测试, en: Attribute test}
                    urgency: low
                    accept-within: PT1H
                    resolve-within: PT24H
                    party: property-firm
                    attributes:
                      - {code: second, datatype: text, order: 2, description: {zh: 第二}}
                      - {code: first, datatype: multivaluelist, order: 1, required: true, description: {zh: 第一},
                         values: [{key: x, name: {zh: 叉, en: X}}]}
                api-clients:
                  - {code: LOADER-TEST, name: 测试客户端, api-key: "loader-test-key-0123456789", roles: [open311]}
                users:
                  - {username: loader-test, password: "loader-test-pass", roles: [operator]}
                """);
        loader.load(file);
        assertEquals("[\"first\", \"second\"]", String.valueOf(sql.one("select jsonb_path_query_array(attributes,"
                + " '$[*].code')::text from catalog_entry where code = 'attr-ok'")));
        assertEquals(64, String.valueOf(sql.one("select key_hash from api_client where code = 'LOADER-TEST'"))
                .length(), "a SHA-256 hash, never the key");
        assertTrue(String.valueOf(sql.one("select password_hash from hub_user where username = 'loader-test'"))
                .startsWith("$2a$"), "a bcrypt hash, never the password");
    }

    /** The example of docs/contract.md, "Reference-data file", character for character (comments included). */
    static final String CONTRACT_EXAMPLE = """
            places:            # district > street > community > grid > compound (> building)
              - {code: SN, type: district, name: {zh: 市南区, en: Shinan}}
              - {code: SN-01, type: street, parent: SN, name: {zh: 江苏路街道}}
              - {code: SN-01-03, type: community, parent: SN-01, name: {zh: 观海路社区}}
              - {code: SN-01-03-G07, type: grid, parent: SN-01-03}
              - {code: HY-GARDEN, type: compound, parent: SN-01-03-G07, name: {zh: 海韵花园}, aliases: [海韵], address: 观海路12号, lat: 36.06, lon: 120.32}
            catalog:           # the residents' needs catalog
              - code: property-repair
                name: {zh: 物业报修, en: Property repair}
                keywords: {zh: [漏水, 电梯, 路灯], en: [leak, elevator, light]}
                urgency: normal            # urgent | normal | low
                accept-within: PT30M       # ISO-8601 durations
                resolve-within: PT48H
                party: property-firm       # partner type that handles it for the place
                fallback: residents-committee
            partners:          # organizations able to take on service items
              - code: PF-HAIYUN
                type: property-firm        # residents-committee, owners-committee, property-firm, police-desk,
                                           # service-provider, volunteer-team, grid-team, mediation, health-station, legal-aid
                name: {zh: 海韵物业}
                serves: [HY-GARDEN]        # place codes; a place covers everything below it
                services: [property-repair]
                delivery: {channel: webhook, url: "https://partner.example/hub", secret: "…"}   # webhook | jms | sms | portal
                api-key: "…"
            volunteers:
              - {code: V-0001, name: 张丽, phone: "+8613800000001", grid: SN-01-03-G07, skills: [shopping, companionship]}
            residents:
              - {phone: "+8613900000002", name: 王大爷, address: 海韵花园3号楼2单元501, place: HY-GARDEN, flags: [elderly-alone], emergency-contacts: ["+8613900000003"]}
            """;

    @Inject
    jakarta.persistence.EntityManager em;

    /** Thrown inside the writing transaction so the example (which renames demo entries) is never committed. */
    static final class RollBack extends RuntimeException {

        RollBack() {
            super("roll back", null, false, false);
        }
    }

    @Test
    void shouldLoadContractExampleLiterallyAndShowAGridWithoutNameByItsCode() {
        List<String> seen = new ArrayList<>();
        RuntimeException end = assertThrows(RuntimeException.class, () -> loader.apply("contract.md",
                loader.parse("contract.md", CONTRACT_EXAMPLE), true, ReferenceDataWriter.Progress.NONE, counts -> {
                    assertEquals(new ReferenceDataWriter.Counts(5, 1, 1, 1, 1, 0, 0), counts);
                    seen.add(String.valueOf(em.createNativeQuery("select name_zh || '|' || coalesce(name_en, '-')"
                            + " from place where code = 'SN-01-03-G07'").getSingleResult()));
                    throw new RollBack();
                }));
        assertTrue(end instanceof RollBack || end.getCause() instanceof RollBack, String.valueOf(end));
        assertEquals(List.of("SN-01-03-G07|-"), seen, "the unnamed grid is shown by its code");
    }

    @Test
    void shouldStillRequireANameForPlacesOtherThanGrids() {
        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> loader.load("nameless.yaml",
                "places:\n  - {code: NAMELESS-COURT, type: compound, parent: SN-01-03-G07}\n"));
        assertEquals(List.of("places[0] (NAMELESS-COURT): name.zh is required"), e.problems());
    }

    @Test
    void shouldNameBrokenFieldsOfAnEntryInTheOrderOfItsFields() {
        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> loader.load("fields.yaml", """
                catalog:
                  - code: field-rules
                    name: {zh: 字段}
                    urgency: normal
                    accept-within: PT1H
                    resolve-within: PT24H
                    party: property-firm
                    attributes:
                      - {code: "", datatype: string, description: {zh: 空}}
                      - {code: "a b", datatype: string, description: {zh: 空格}}
                residents:
                  - {phone: not-a-phone, language: fr}
                api-clients:
                  - {code: "\u3000", name: " ", api-key: "0123456789abcdef", roles: [operator]}
                """));
        String at = "catalog[0] (field-rules): attributes";
        assertEquals(List.of(at + "[0] (): code is required",
                at + "[0] (): code may contain only letters, digits, '-' and '_'",
                at + "[1] (a b): code may contain only letters, digits, '-' and '_'",
                "residents[0] (not-a-phone): phone 'not-a-phone' is not a phone number",
                "residents[0] (not-a-phone): language must be zh or en",
                "api-clients[0] (\u3000): code is required", "api-clients[0] (\u3000): name is required"),
                e.problems(), "an ideographic space is blank too");
    }

    @Test
    void shouldNameABadDailyCheckInAndLoadAGoodOne() {
        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> loader.load("check-in.yaml", """
                residents:
                  - {phone: "+8613900000071", flags: [elderly-alone], check-in: {by: "25:00"}}
                  - {phone: "+8613900000072", check-in: {by: "09:30"}}
                  - {phone: "+8613900000073", flags: [disabled], check-in: {}}
                """));
        assertEquals(List.of("residents[0] (+8613900000071): check-in.by must be a time of day like 10:00",
                "residents[1] (+8613900000072): check-in is for elderly or disabled residents (flags"
                        + " [elderly-alone, disabled])",
                "residents[2] (+8613900000073): check-in.by is required (a time of day like 10:00)"), e.problems());
        try {
            loader.load("check-in-ok.yaml", """
                    residents:
                      - {phone: "+8613900000074", flags: [elderly-alone], check-in: {by: "09:30"}}
                    """);
            assertEquals("09:30:00", String.valueOf(sql.one("select check_in_by from resident"
                    + " where phone = '+8613900000074'")));
        } finally {
            // no place, so a missed check-in would go straight to the operators: not in other tests' way
            sql.update("update resident set check_in_by = null where phone = '+8613900000074'");
        }
    }

    @Test
    void shouldLoadAPartnersContactPhonesNormalisedAndNameOneThatIsNoPhone() {
        String partner = """
                partners:
                  - code: PF-YAML-PHONES
                    type: service-provider
                    name: {zh: 电话测试}
                    serves: [PHONES-COURT]
                    delivery: {channel: portal}
                    phones: %s
                """;
        loader.load("phones.yaml", """
                places:
                  - {code: PHONES-COURT, type: compound, parent: SN-01-03-G07, name: {zh: 电话小区}}
                """ + partner.formatted("[\"13800000021\", \"+86 138 0000 0022\", \"13800000021\"]"));
        assertEquals(List.of("+8613800000021", "+8613800000022"), sql.column("select unnest(phones) from partner"
                + " where code = 'PF-YAML-PHONES'"));
        ReferenceDataException e = assertThrows(ReferenceDataException.class,
                () -> loader.load("bad-phones.yaml", partner.formatted("[\"12\"]")));
        assertEquals(List.of("partners[0] (PF-YAML-PHONES): phones: '12' is not a phone number"), e.problems());
    }
}
