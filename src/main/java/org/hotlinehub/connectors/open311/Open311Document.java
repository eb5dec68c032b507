package org.hotlinehub.connectors.open311;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One GeoReport v2 answer, written once as a tree and rendered in both formats by the Spark convention of the spec: an
 * element holding repeated {@code item} elements ({@code <services><service>…}) is a JSON array, any other element a
 * JSON object. Fields are {@link Map}s in their order; values are strings, numbers, booleans, instants, null, nested
 * maps or {@link Listing}s.
 *
 * @param root the XML root element ({@code services}, {@code service_definition}, {@code errors} …)
 * @param body a {@link Map} or a {@link Listing}
 */
record Open311Document(String root, Object body) {

    /** Repeated elements named {@code item}: {@code <attributes><attribute/>…</attributes>} or a JSON array. */
    record Listing(String item, List<?> items) {
    }

    /** w3 date-time with the hotline's offset, e.g. 2026-11-22T08:15:30+08:00 (the spec requires an offset). */
    static final DateTimeFormatter W3 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    // The JDK's own writer, not whichever StAX provider a dependency brings (Woodstox writes another declaration).
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    /** @param zone the hotline's zone, whose offset the date-times carry */
    String render(Open311Format format, ObjectMapper json, ZoneId zone) {
        DateTimeFormatter w3 = W3.withZone(zone);
        return format == Open311Format.JSON ? json(json, w3) : xml(w3);
    }

    String json(ObjectMapper json, DateTimeFormatter w3) {
        try {
            return json.writeValueAsString(toJson(body, w3));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String xml(DateTimeFormatter w3) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartDocument("utf-8", "1.0");
            element(w, root, body, w3);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode toJson(Object value, DateTimeFormatter w3) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = f.objectNode();
            map.forEach((k, v) -> o.set(String.valueOf(k), toJson(v, w3)));
            return o;
        }
        if (value instanceof Listing listing) {
            ArrayNode a = f.arrayNode();
            listing.items().forEach(i -> a.add(toJson(i, w3)));
            return a;
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return f.numberNode(i);
        }
        if (value instanceof Long l) {
            return f.numberNode(l);
        }
        if (value instanceof Double d) {
            return f.numberNode(d);
        }
        return f.textNode(text(value, w3));
    }

    private static void element(XMLStreamWriter w, String name, Object value, DateTimeFormatter w3)
            throws XMLStreamException {
        if (value == null) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                element(w, String.valueOf(e.getKey()), e.getValue(), w3);
            }
        } else if (value instanceof Listing listing) {
            for (Object item : listing.items()) {
                element(w, listing.item(), item, w3);
            }
        } else {
            w.writeCharacters(text(value, w3));
        }
        w.writeEndElement();
    }

    private static String text(Object value, DateTimeFormatter w3) {
        return value instanceof Instant instant ? w3.format(instant) : String.valueOf(value);
    }
}
