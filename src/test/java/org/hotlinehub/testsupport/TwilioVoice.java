package org.hotlinehub.testsupport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Calls to the hub as Twilio Voice makes them: form-encoded, signed like {@link TwilioSms}, with the parameters of a
 * real voice webhook; and the TwiML answers parsed as XML, so tests assert on verbs and attributes.
 */
public final class TwilioVoice {

    public static final String HOTLINE = TwilioApiStub.FROM;
    public static final String BASE = TwilioSms.PUBLIC_BASE + "/twilio/voice";

    public static final String CALLS_PATH = "/2010-04-01/Accounts/" + TwilioApiStub.ACCOUNT_SID + "/Calls.json";

    private TwilioVoice() {
    }

    /** The Calls API on the Twilio stub: creating a call answers 201 with a fresh CA sid, updating one 200. */
    public static void stubCalls() {
        TwilioApiStub.server.stubFor(WireMock.post(WireMock.urlPathEqualTo(CALLS_PATH)).atPriority(10)
                .willReturn(WireMock.aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{\"sid\": \"CA{{randomValue length=32 type='HEXADECIMAL' lowercase=true}}\","
                                + " \"account_sid\": \"" + TwilioApiStub.ACCOUNT_SID + "\", \"status\": \"queued\","
                                + " \"direction\": \"outbound-api\", \"api_version\": \"2010-04-01\"}")));
        TwilioApiStub.server.stubFor(WireMock.post(WireMock.urlPathMatching("/2010-04-01/Accounts/"
                + TwilioApiStub.ACCOUNT_SID + "/Calls/CA[0-9a-f]{32}\\.json")).atPriority(10)
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"CA00000000000000000000000000000000\", \"status\": \"in-progress\"}")));
    }

    /** Calls the hub created (POST Calls.json), oldest first, as their form fields. */
    public static List<Map<String, String>> callsCreated() {
        return TwilioApiStub.server.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo(CALLS_PATH))).stream()
                .map(TwilioApiStub::form).toList();
    }

    /** The requests updating this call (POST Calls/{sid}.json). */
    public static List<LoggedRequest> callUpdates(String callSid) {
        return TwilioApiStub.server.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo(
                "/2010-04-01/Accounts/" + TwilioApiStub.ACCOUNT_SID + "/Calls/" + callSid + ".json")));
    }

    public static String newCallSid() {
        return TwilioSms.randomSid("CA");
    }

    /** The parameters of an inbound call webhook (docs/contract.md, "Twilio webhooks"). */
    public static Map<String, String> call(String callSid, String from, String status) {
        return TwilioSms.params("AccountSid", TwilioApiStub.ACCOUNT_SID, "ApiVersion", "2010-04-01", "CallSid", callSid,
                "CallStatus", status, "Called", HOTLINE, "Caller", from, "Direction", "inbound", "From", from,
                "FromCity", "", "FromCountry", "CN", "To", HOTLINE, "ToCountry", "US");
    }

    /** The parameters with these name and value pairs added or replaced. */
    public static Map<String, String> with(Map<String, String> params, String... pairs) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.putAll(TwilioSms.params(pairs));
        return p;
    }

    /** Posts signed to the path (and query) and returns the TwiML answer, asserting HTTP 200 and text/xml. */
    public static Element post(String pathAndQuery, Map<String, String> params) {
        String xml = TwilioSms.postSigned(pathAndQuery, params).then().statusCode(200)
                .contentType("text/xml").extract().asString();
        return parse(xml);
    }

    public static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(
                    StandardCharsets.UTF_8)));
            Element root = doc.getDocumentElement();
            if (!"Response".equals(root.getTagName())) {
                throw new AssertionError("root is not <Response>: " + xml);
            }
            return root;
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }

    /** The element children of a TwiML element, in order. */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The verbs of a TwiML document in order, e.g. [Say, Enqueue]. */
    public static List<String> verbs(Element parent) {
        return children(parent).stream().map(Element::getTagName).toList();
    }

    public static Element only(Element parent, String tag) {
        List<Element> found = children(parent).stream().filter(e -> e.getTagName().equals(tag)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one <" + tag + "> but found " + found.size());
        }
        return found.get(0);
    }

    /** Everything the caller hears in this element, Say texts joined by a space. */
    public static String spoken(Element parent) {
        StringBuilder s = new StringBuilder();
        for (Element e : children(parent)) {
            if (e.getTagName().equals("Say")) {
                s.append(s.length() == 0 ? "" : " ").append(e.getTextContent());
            } else if (e.getTagName().equals("Gather")) {
                String inner = spoken(e);
                s.append(s.length() == 0 || inner.isEmpty() ? "" : " ").append(inner);
            }
        }
        return s.toString();
    }

    /** A reference as the line reads it: digit by digit. */
    public static String spelled(String reference) {
        return String.join(" ", reference.split(""));
    }
}
