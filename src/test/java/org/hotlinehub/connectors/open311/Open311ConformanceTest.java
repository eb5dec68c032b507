package org.hotlinehub.connectors.open311;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.model.port.ReferenceNumbers;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Conformance with GeoReport v2 as written in specs/open311-georeport-v2.md: every resource in XML (the required
 * format, also without a suffix) and JSON (the Spark convention: lists are arrays), the error format with 400, 403 and
 * 404, and requests that become ordinary tickets.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class Open311ConformanceTest {

    static final String XML = "text/xml;charset=utf-8";
    static final String JSON = "application/json;charset=utf-8";
    static final String W3 = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

    @Inject
    Sql sql;

    /** The demo catalog plus the test fixtures' entries: every active catalog entry is a service. */
    private int activeServices() {
        return (int) sql.count("select count(*) from catalog_entry where active");
    }
    @Inject
    ReferenceNumbers references;

    // ---- discovery ------------------------------------------------------------------------------------------

    @Test
    void shouldDescribeEndpointWhenDiscoveryIsAskedInXmlAndJson() {
        given().get("/open311/v2/discovery.xml").then().statusCode(200).contentType(XML)
                .body(startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><discovery>"))
                .body("discovery.endpoints.endpoint.specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("discovery.endpoints.endpoint.url", equalTo("http://hub.test/open311/v2"))
                .body("discovery.endpoints.endpoint.formats.format", contains("text/xml", "application/json"));
        given().get("/open311/v2/discovery.json").then().statusCode(200).contentType(JSON)
                .body("endpoints[0].url", equalTo("http://hub.test/open311/v2"))
                .body("endpoints[0].type", equalTo("production"))
                .body("endpoints[0].formats", contains("text/xml", "application/json"));
    }

    // ---- GET services -----------------------------------------------------------------------------------------

    @Test
    void shouldListCatalogAsServicesWhenServicesAreAskedInXml() {
        given().get("/open311/v2/services.xml").then().statusCode(200).contentType(XML)
                .body(startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service>"))
                .body("services.service.size()", equalTo(activeServices()))
                .body("services.service.find { it.service_code == 'property-repair' }.service_name",
                        equalTo("物业报修 / Property repair"))
                .body("services.service.find { it.service_code == 'property-repair' }.metadata", equalTo("true"))
                .body("services.service.find { it.service_code == 'property-repair' }.type", equalTo("realtime"))
                .body("services.service.find { it.service_code == 'property-repair' }.group", equalTo("property"))
                .body("services.service.find { it.service_code == 'property-repair' }.keywords",
                        containsString("电梯"))
                .body("services.service.find { it.service_code == 'home-services' }.metadata", equalTo("false"));
    }

    @Test
    void shouldAnswerXmlWhenNoFormatSuffixIsGiven() {
        given().get("/open311/v2/services").then().statusCode(200).contentType(XML)
                .body("services.service.size()", equalTo(activeServices()));
    }

    @Test
    void shouldListServicesAsJsonArrayWhenJsonIsAsked() {
        given().get("/open311/v2/services.json?jurisdiction_id=hotlinehub.local").then().statusCode(200)
                .contentType(JSON)
                .body("size()", equalTo(activeServices()))
                .body("find { it.service_code == 'sanitation' }.metadata", equalTo(true))
                .body("find { it.service_code == 'sanitation' }.type", equalTo("realtime"))
                .body("find { it.service_code == 'sanitation' }.service_name", equalTo("环境卫生 / Sanitation"))
                .body("find { it.service_code == 'gas-delivery' }.metadata", equalTo(false));
    }

    // ---- GET service definition -------------------------------------------------------------------------------

    @Test
    void shouldDefineAttributesWithAllSixDatatypesWhenServiceDefinitionIsAsked() {
        given().get("/open311/v2/services/property-repair.xml").then().statusCode(200).contentType(XML)
                .body("service_definition.service_code", equalTo("property-repair"))
                .body("service_definition.attributes.attribute.code",
                        contains("building", "floor", "problem", "people-trapped"))
                .body("service_definition.attributes.attribute[0].datatype", equalTo("string"))
                .body("service_definition.attributes.attribute[0].required", equalTo("true"))
                .body("service_definition.attributes.attribute[0].variable", equalTo("true"))
                .body("service_definition.attributes.attribute[0].order", equalTo("1"))
                .body("service_definition.attributes.attribute[1].datatype", equalTo("number"))
                .body("service_definition.attributes.attribute[1].required", equalTo("false"))
                .body("service_definition.attributes.attribute[2].datatype", equalTo("singlevaluelist"))
                .body("service_definition.attributes.attribute[2].values.value.key",
                        contains("elevator", "leak", "lighting", "door", "other"))
                .body("service_definition.attributes.attribute[2].values.value[0].name",
                        equalTo("电梯故障 / Elevator out of order"));
        given().get("/open311/v2/services/sanitation.json").then().statusCode(200).contentType(JSON)
                .body("service_code", equalTo("sanitation"))
                .body("attributes.datatype", contains("multivaluelist", "datetime"))
                .body("attributes[0].values.key", contains("household", "bulky", "construction", "sewage"))
                .body("attributes[1].required", equalTo(false))
                .body("attributes[1].datatype_description", startsWith("ISO 8601"));
        given().get("/open311/v2/services/public-order.json").then().statusCode(200)
                .body("attributes.datatype", contains("string", "text"))
                .body("attributes[0].variable", equalTo(false))
                .body("attributes[0].order", equalTo(1))
                .body("attributes[1].variable", equalTo(true))
                .body("attributes[1].datatype_description", nullValue());
    }

    @Test
    void shouldAnswer404InSpecFormatWhenServiceCodeIsUnknown() {
        given().get("/open311/v2/services/no-such-service.xml").then().statusCode(404).contentType(XML)
                .body("errors.error.code", equalTo("404"))
                .body("errors.error.description", equalTo("service_code 'no-such-service' not found"));
        given().get("/open311/v2/services/no-such-service.json").then().statusCode(404).contentType(JSON)
                .body("[0].code", equalTo(404))
                .body("[0].description", equalTo("service_code 'no-such-service' not found"));
    }

    // ---- jurisdiction, formats, unknown resources --------------------------------------------------------------

    @Test
    void shouldAnswer404WhenJurisdictionIsNotServedAndIgnoreAnEmptyOne() {
        for (String path : List.of("services", "services/sanitation", "requests", "requests/100000009",
                "tokens/abc")) {
            given().get("/open311/v2/" + path + ".json?jurisdiction_id=elsewhere.gov").then().statusCode(404)
                    .contentType(JSON).body("[0].code", equalTo(404))
                    .body("[0].description", startsWith("jurisdiction_id 'elsewhere.gov' not found"));
        }
        given().get("/open311/v2/services.xml?jurisdiction_id=elsewhere.gov").then().statusCode(404)
                .contentType(XML).body("errors.error.code", equalTo("404"));
        given().get("/open311/v2/services.json?jurisdiction_id=").then().statusCode(200);
        post(Map.of("jurisdiction_id", "elsewhere.gov", "service_code", "sanitation", "address_string", "x"), "json")
                .statusCode(404).body("[0].description", startsWith("jurisdiction_id 'elsewhere.gov' not found"));
    }

    @Test
    void shouldAnswer400WhenFormatIsNotXmlOrJson() {
        given().get("/open311/v2/services.csv").then().statusCode(400).contentType(XML)
                .body("errors.error.code", equalTo("400"))
                .body("errors.error.description", equalTo("format 'csv' is not supported; use .xml or .json"));
    }

    @Test
    void shouldAnswer404InSpecFormatWhenResourceDoesNotExist() {
        given().get("/open311/v2/nothing-here.json").then().statusCode(404).contentType(JSON)
                .body("[0].code", equalTo(404)).body("[0].description", startsWith("no such resource"));
        given().get("/open311/v2/nothing/here").then().statusCode(404).contentType(XML)
                .body("errors.error.code", equalTo("404"));
    }

    // ---- POST requests: api_key ---------------------------------------------------------------------------------

    @Test
    void shouldAnswer403WhenApiKeyIsMissingWrongOrNotAnOpen311Client() {
        Map<String, Object> valid = sanitationRequest("403 检查");
        post(valid, "xml", null).statusCode(403).contentType(XML)
                .body("errors.error.code", equalTo("403"))
                .body("errors.error.description", equalTo("api_key is missing -- can't proceed with create_request."));
        post(valid, "json", "not-a-key").statusCode(403).contentType(JSON)
                .body("[0].code", equalTo(403))
                .body("[0].description", equalTo("Invalid api_key received -- can't proceed with create_request."));
        post(valid, "json", "demo-api-key-integrator-2026").statusCode(403);
        assertEquals(0L, sql.count("select count(*) from ticket where description = ?", "403 检查"));
    }

    // ---- POST requests: validation -------------------------------------------------------------------------------

    @Test
    void shouldAnswer400WhenServiceCodeIsMissingAnd404WhenUnknown() {
        post(Map.of("address_string", "观海路12号"), "json").statusCode(400)
                .body("[0].description", equalTo("service_code was not provided"));
        post(Map.of("service_code", "no-such", "address_string", "观海路12号"), "xml").statusCode(404)
                .contentType(XML).body("errors.error.description", equalTo("service_code 'no-such' not found"));
    }

    @Test
    void shouldAnswer400WithEveryProblemWhenLocationAndFieldsAreInvalid() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("service_code", "gas-delivery");
        form.put("phone", "12");
        form.put("email", "not-an-email");
        form.put("media_url", "ftp://example.com/x.jpg");
        form.put("description", "长".repeat(4001));
        post(form, "json").statusCode(400).contentType(JSON)
                .body("code", everyItemIs(400))
                .body("description", containsInAnyOrder(
                        "a location is required: lat and long, address_string or address_id",
                        "phone '12' is not a phone number",
                        "email 'not-an-email' is not an email address",
                        "description is limited to 4000 characters",
                        "media_url 'ftp://example.com/x.jpg' is not an http(s) URL"));
        post(Map.of("service_code", "gas-delivery", "lat", "36.06"), "json").statusCode(400)
                .body("description", contains("lat and long must be sent together"));
        post(Map.of("service_code", "gas-delivery", "lat", "96.1", "long", "east"), "xml").statusCode(400)
                .body("errors.error.description", contains(
                        "lat '96.1' is not a WGS84 coordinate between -90 and 90",
                        "long 'east' is not a WGS84 coordinate between -180 and 180"));
        post(Map.of("service_code", "gas-delivery", "address_id", "NOWHERE"), "json").statusCode(400)
                .body("description", contains(
                        "address_id 'NOWHERE' is not a known community, grid, compound or building"));
    }

    @Test
    void shouldAnswer400WhenAttributesDoNotFitTheServiceDefinition() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("service_code", "property-repair");
        form.put("address_id", "HY-GARDEN");
        form.put("attribute[floor]", "third");
        form.put("attribute[problem]", "volcano");
        form.put("attribute[colour]", "red");
        post(form, "json").statusCode(400)
                .body("description", containsInAnyOrder(
                        "attribute[colour] is not an attribute of service property-repair",
                        "attribute[building] is required for service property-repair",
                        "attribute[floor] 'third' is not a number",
                        "attribute[problem] 'volcano' is not one of [elevator, leak, lighting, door, other]"));
        Map<String, Object> sanitation = new LinkedHashMap<>();
        sanitation.put("service_code", "sanitation");
        sanitation.put("address_string", "观海路5号");
        sanitation.put("attribute[waste-kind][]", "lava");
        sanitation.put("attribute[since]", "last tuesday");
        post(sanitation, "json").statusCode(400)
                .body("description", containsInAnyOrder(
                        "attribute[waste-kind] 'lava' is not one of [household, bulky, construction, sewage]",
                        "attribute[since] 'last tuesday' is not an ISO 8601 date-time"));
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("service_code", "public-order");
        note.put("address_string", "观海路5号");
        note.put("attribute[emergency-note]", "answered anyway");
        post(note, "json").statusCode(400)
                .body("description", contains("attribute[emergency-note] is not an attribute of service public-order"));
        given().contentType("application/x-www-form-urlencoded; charset=utf-8")
                .formParam("api_key", Sessions.OPEN311_KEY)
                .formParam("service_code", "sanitation").formParam("address_string", "观海路5号")
                .formParam("attribute[waste-kind][]", "household").formParam("attribute[since]", "2026-11-20")
                .formParam("attribute[since]", "2026-11-21").post("/open311/v2/requests.json").then()
                .statusCode(400).body("description", contains("attribute[since] takes one value"));
    }

    // ---- POST requests: success, and the ticket it becomes ------------------------------------------------------

    @Test
    void shouldFileTicketAndAnswerItsReferenceWhenRequestIsValid() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("service_code", "property-repair");
        form.put("lat", "36.0601");
        form.put("long", "120.3202");
        form.put("first_name", "大爷");
        form.put("last_name", "王");
        form.put("phone", "13900000002");
        form.put("account_id", "acct-77");
        form.put("description", "3号楼电梯停在5楼不动了");
        form.put("media_url", "https://photos.example/elevator.jpg");
        form.put("attribute[building]", "3号楼2单元");
        form.put("attribute[floor]", "5");
        form.put("attribute[problem]", "elevator");
        String id = post(form, "json").statusCode(201).contentType(JSON)
                .header("Location", matchesPattern("http://[^/]+/open311/v2/requests/\\d{9}\\.json"))
                .body("size()", equalTo(1))
                .body("[0].service_request_id", matchesPattern("\\d{9}"))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("token")))
                .body("[0].account_id", equalTo("acct-77"))
                .body("[0].service_notice", containsString("已受理"))
                .extract().path("[0].service_request_id");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> sql.count("select count(*) from ticket where reference = ?", id) == 1);
        assertEquals("OPEN311", sql.one("select channel from ticket where reference = ?", id));
        assertEquals("property-repair", sql.one("select c.code from ticket t join catalog_entry c on"
                + " c.id = t.category_id where t.reference = ?", id));
        assertEquals("HY-GARDEN", sql.one("select p.code from ticket t join place p on p.id = t.place_id"
                + " where t.reference = ?", id), "located by the nearest compound to lat/long");
        assertEquals(true, sql.one("select attributes = cast(? as jsonb) from ticket where reference = ?",
                "{\"building\": [\"3号楼2单元\"], \"floor\": [\"5\"], \"problem\": [\"elevator\"]}", id));
        assertEquals("https://photos.example/elevator.jpg", sql.one("select a.url from attachment a join ticket t"
                + " on t.id = a.ticket_id where t.reference = ?", id));
        assertEquals("urgent", sql.one("select priority from ticket where reference = ?", id),
                "王大爷 (+8613900000002) is registered as living alone: an ordinary ticket in every respect");

        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200).contentType(JSON)
                .body("size()", equalTo(1))
                .body("[0].service_request_id", equalTo(id))
                .body("[0].status", equalTo("open"))
                .body("[0].service_code", equalTo("property-repair"))
                .body("[0].service_name", equalTo("物业报修 / Property repair"))
                .body("[0].description", equalTo("3号楼电梯停在5楼不动了"))
                .body("[0].requested_datetime", matchesPattern(W3))
                .body("[0].updated_datetime", matchesPattern(W3))
                .body("[0].address", equalTo("海韵花园"))
                .body("[0].address_id", equalTo("HY-GARDEN"))
                .body("[0].lat", equalTo(36.0601f))
                .body("[0].long", equalTo(120.3202f))
                .body("[0].media_url", equalTo("https://photos.example/elevator.jpg"))
                .body("[0]", org.hamcrest.Matchers.hasKey("zipcode"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/open311/v2/requests/" + id + ".xml")
                .then().statusCode(200).contentType(XML)
                .body("service_requests.request.service_request_id", equalTo(id))
                .body("service_requests.request.status", equalTo("open"))
                .body("service_requests.request.agency_responsible", equalTo("海韵物业"))
                .body("service_requests.request.expected_datetime", matchesPattern(W3))
                .body("service_requests.request.status_notes", equalTo("已派单 / Dispatched")));
    }

    @Test
    void shouldAnswerSameIdWhenClientRetriesTheSameRequest() {
        Map<String, Object> form = sanitationRequest("垃圾桶满了没人清 " + System.nanoTime());
        String first = post(form, "xml").statusCode(201).contentType(XML)
                .body(startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request>"))
                .extract().xmlPath().getString("service_requests.request.service_request_id");
        String second = post(form, "xml").statusCode(201).extract().xmlPath()
                .getString("service_requests.request.service_request_id");
        assertEquals(first, second);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sql.count("select count(*) from ticket where reference = ?", first) == 1);
        assertEquals(1L, sql.count("select count(*) from ticket where description = ?", form.get("description")));
        assertEquals(true, sql.one("select attributes = cast(? as jsonb) from ticket where reference = ?",
                "{\"since\": [\"2026-11-20T08:00:00+08:00\"], \"waste-kind\": [\"household\", \"bulky\"]}", first));
    }

    @Test
    void shouldLocateByAddressIdAndFileWithoutPhoneWhenClientSendsNoContact() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("service_code", "public-order");
        form.put("address_id", "GH-COURT");
        form.put("attribute[details]", "夜里两点\n有人在院里敲打");
        String id = post(form, "json").statusCode(201).extract().path("[0].service_request_id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sql.count("select count(*) from ticket where reference = ?", id) == 1);
        assertEquals("GH-COURT", sql.one("select p.code from ticket t join place p on p.id = t.place_id"
                + " where t.reference = ?", id));
        assertEquals(0L, sql.count("select count(*) from ticket where reference = ? and resident_id is not null", id));
        assertEquals("治安问题", sql.one("select description from ticket where reference = ?", id),
                "without a description the ticket says what service was asked for");
    }

    // ---- GET requests -----------------------------------------------------------------------------------------

    @Test
    void shouldFilterRequestsByIdsCodeStatusAndDates() {
        String a = fileAndWait(sanitationRequest("过滤测试 A " + System.nanoTime()));
        String b = fileAndWait(sanitationRequest("过滤测试 B " + System.nanoTime()));
        sql.update("update ticket set status = 'CLOSED' where reference = ?", b);

        given().get("/open311/v2/requests.json?service_request_id=" + a + "," + b + ",999999999").then()
                .statusCode(200).body("service_request_id", containsInAnyOrder(a, b));
        given().get("/open311/v2/requests.xml?service_request_id=" + a).then().statusCode(200).contentType(XML)
                .body("service_requests.request.service_request_id", equalTo(a));
        given().get("/open311/v2/requests.json?service_code=sanitation&status=closed").then().statusCode(200)
                .body("service_request_id", hasItem(b)).body("service_request_id", not(hasItem(a)))
                .body("status", everyItemIs("closed"));
        given().get("/open311/v2/requests.json?service_code=sanitation,gas-delivery&status=open").then()
                .statusCode(200).body("service_request_id", hasItem(a)).body("service_request_id", not(hasItem(b)))
                .body("service_code", everyItemIn("sanitation", "gas-delivery"));
        given().get("/open311/v2/requests.json?status=open,closed").then().statusCode(200)
                .body("service_request_id", hasItem(a)).body("service_request_id", hasItem(b));
        given().get("/open311/v2/requests.json?service_code=urgent-help").then().statusCode(200)
                .body("service_request_id", not(hasItem(a)));
        given().queryParam("start_date", "2020-01-01T00:00:00Z").queryParam("end_date", "2020-03-01T00:00:00+08:00")
                .get("/open311/v2/requests.json").then().statusCode(200).body("$", empty());
        // The service_request_id list overrides every other filter.
        given().get("/open311/v2/requests.json?service_request_id=" + a + "&service_code=urgent-help&status=closed")
                .then().statusCode(200).body("service_request_id", contains(a));
    }

    @Test
    void shouldListOnlyTheLast90DaysWhenNoDatesAreGiven() {
        String old = fileAndWait(sanitationRequest("很久以前的 " + System.nanoTime()));
        sql.update("update ticket set created_at = now() - interval '100 days' where reference = ?", old);
        String oldDay = String.valueOf(sql.one("select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')"
                + " from ticket where reference = ?", old));

        given().get("/open311/v2/requests.json?service_code=sanitation").then().statusCode(200)
                .body("service_request_id", not(hasItem(old)));
        given().get("/open311/v2/requests.json?start_date=" + oldDay + "T00:00:00Z&end_date=" + oldDay
                + "T23:59:59Z").then().statusCode(200).body("service_request_id", hasItem(old));
        given().get("/open311/v2/requests.json?start_date=" + oldDay + "T00:00:00Z").then().statusCode(200)
                .body("service_request_id", hasItem(old));
    }

    @Test
    void shouldAnswer400WhenDatesOrStatusAreInvalid() {
        given().get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-05-01T00:00:00Z")
                .then().statusCode(400).contentType(JSON)
                .body("description", contains("start_date and end_date may not span more than 90 days"));
        given().get("/open311/v2/requests.xml?start_date=yesterday&status=pending").then().statusCode(400)
                .contentType(XML).body("errors.error.description", contains(
                        "start_date 'yesterday' is not a w3 date-time with a time zone, e.g. 2010-01-01T00:00:00Z",
                        "status 'pending' is not one of open, closed"));
        given().get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00").then().statusCode(400)
                .body("[0].description", startsWith("start_date '2026-01-01T00:00:00' is not a w3 date-time"));
        given().get("/open311/v2/requests.json?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z")
                .then().statusCode(400).body("description", contains("end_date is before start_date"));
    }

    @Test
    void shouldHidePersonalDetailsOfTicketsFiledOnOtherChannels() {
        String phone = org.hotlinehub.testsupport.Reports.uniquePhone();
        String reference = Reports.fileJson("property-repair", "我家（海韵花园3号楼501）楼道灯坏了", phone, "HY-GARDEN", null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sql.count("select count(*) from ticket where reference = ?", reference) == 1);
        // references are sequential: without a client's key only requests filed through Open311 are shown
        given().get("/open311/v2/requests/" + reference + ".json").then().statusCode(404)
                .body("[0].description", equalTo("service_request_id '" + reference + "' not found"));
        given().get("/open311/v2/requests.json?service_request_id=" + reference).then().statusCode(200)
                .body("$", empty());
        given().get("/open311/v2/requests.json?status=open").then().statusCode(200)
                .body("service_request_id", not(hasItem(reference)));
        given().get("/open311/v2/requests/" + reference + ".json?api_key=guessed-key").then().statusCode(403)
                .body("[0].description", equalTo("Invalid api_key received -- can't proceed."));
        given().get("/open311/v2/requests.json?service_request_id=" + reference + "&api_key=" + Sessions.OPEN311_KEY)
                .then()
                .statusCode(200).body("service_request_id", contains(reference));
        given().get("/open311/v2/requests/" + reference + ".json?api_key=" + Sessions.OPEN311_KEY).then()
                .statusCode(200)
                .body("[0].service_code", equalTo("property-repair"))
                .body("[0].description", nullValue())
                .body("[0].address", equalTo("海韵花园"))
                .body(not(containsString(phone.substring(3))));
    }

    // ---- GET requests/{id} and tokens/{id} ----------------------------------------------------------------------

    @Test
    void shouldAnswer404WhenRequestIdIsUnknown() {
        given().get("/open311/v2/requests/999999999.json").then().statusCode(404).contentType(JSON)
                .body("[0].description", equalTo("service_request_id '999999999' not found"));
        given().get("/open311/v2/requests/999999999.xml").then().statusCode(404).contentType(XML)
                .body("errors.error.code", equalTo("404"));
    }

    @Test
    void shouldAnswerAcknowledgedRequestBeforeIntakeHasMadeItsTicket() {
        String reference = references.next();
        sql.update("insert into open311_request (token, reference, client_code, service_code, requested_at,"
                + " address) values (?, ?, 'DEMO-311-APP', 'gas-delivery', now(), '观海路12号')", "tok-" + reference,
                reference);
        given().get("/open311/v2/requests/" + reference + ".json").then().statusCode(200)
                .body("[0].status", equalTo("open"))
                .body("[0].service_code", equalTo("gas-delivery"))
                .body("[0].status_notes", equalTo("已受理 / Received"))
                .body("[0].address", equalTo("观海路12号"));
        given().get("/open311/v2/tokens/tok-" + reference + ".json").then().statusCode(200)
                .body("[0].token", equalTo("tok-" + reference))
                .body("[0].service_request_id", nullValue());
    }

    @Test
    void shouldResolveTokenToRequestIdWhenTicketExists() {
        String id = fileAndWait(sanitationRequest("令牌测试 " + System.nanoTime()));
        String token = String.valueOf(sql.one("select token from open311_request where reference = ?", id));
        given().get("/open311/v2/tokens/" + token + ".json").then().statusCode(200).contentType(JSON)
                .body("size()", equalTo(1))
                .body("[0].service_request_id", equalTo(id))
                .body("[0].token", equalTo(token));
        given().get("/open311/v2/tokens/" + token + ".xml").then().statusCode(200).contentType(XML)
                .body("service_requests.request.service_request_id", equalTo(id))
                .body("service_requests.request.token", equalTo(token));
        given().get("/open311/v2/tokens/no-such-token.xml").then().statusCode(404).contentType(XML)
                .body("errors.error.description", equalTo("token 'no-such-token' not found"));
        given().get("/open311/v2/tokens/no-such-token.json").then().statusCode(404)
                .body("[0].code", equalTo(404));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    static Map<String, Object> sanitationRequest(String description) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("service_code", "sanitation");
        form.put("address_string", "观海路5号观海里院门口");
        form.put("description", description);
        form.put("attribute[waste-kind][]", List.of("household", "bulky"));
        form.put("attribute[since]", "2026-11-20T08:00:00+08:00");
        return form;
    }

    static ValidatableResponse post(Map<String, Object> form, String format) {
        return post(form, format, Sessions.OPEN311_KEY);
    }

    static ValidatableResponse post(Map<String, Object> form, String format, String apiKey) {
        RequestSpecification request = given().contentType("application/x-www-form-urlencoded; charset=utf-8");
        if (apiKey != null) {
            request.formParam("api_key", apiKey);
        }
        form.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                request.formParam(name, values);
            } else {
                request.formParam(name, value);
            }
        });
        return request.post("/open311/v2/requests." + format).then();
    }

    private String fileAndWait(Map<String, Object> form) {
        String id = post(form, "json").statusCode(201).extract().path("[0].service_request_id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sql.count("select count(*) from ticket where reference = ?", id) == 1);
        return id;
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIs(Object value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIn(Object... values) {
        return org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.in(values));
    }
}
