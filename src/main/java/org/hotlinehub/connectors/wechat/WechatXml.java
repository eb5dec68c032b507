package org.hotlinehub.connectors.wechat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.hotlinehub.model.InputText;

/**
 * Reads WeChat's flat {@code <xml>…</xml>} documents with the JDK's own StAX parser (whatever provider a dependency
 * brings), hardened as docs/contract.md, "WeChat XML", asks: no DTD at all (a DOCTYPE is refused the moment the parser
 * meets it, so no entity is declared, expanded or fetched), no external entities or DTD access, entity references not
 * replaced. The caller caps the size before. Writes replies with the JDK's writer.
 */
final class WechatXml {

    static final int MAX_FIELDS = 64;
    private static final XMLInputFactory INPUT = inputFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private WechatXml() {
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not allowed");
        });
        return f;
    }

    /**
     * The text of each child element of the root {@code <xml>} (CDATA or plain); elements nested deeper are skipped.
     *
     * @throws WechatCrypto.InvalidMessageException for a DOCTYPE, an entity reference, or XML that is not well-formed
     */
    static Map<String, String> parse(byte[] xml) {
        Map<String, String> fields = new LinkedHashMap<>();
        XMLStreamReader r = null;
        try {
            r = INPUT.createXMLStreamReader(new ByteArrayInputStream(xml));
            int depth = 0;
            String field = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new WechatCrypto.InvalidMessageException(
                            "DOCTYPE is not allowed in WeChat messages");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new WechatCrypto.InvalidMessageException(
                            "entity references are not allowed in WeChat messages");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth == 1 && !"xml".equals(r.getLocalName())) {
                            throw new WechatCrypto.InvalidMessageException("the root element must be <xml>");
                        }
                        if (depth == 2) {
                            field = r.getLocalName();
                            text.setLength(0);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth == 2) {
                            text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth == 2 && field != null) {
                            if (fields.size() >= MAX_FIELDS) {
                                throw new WechatCrypto.InvalidMessageException("too many fields");
                            }
                            // control characters are cleaned (InputText): WeChat cannot be told 400
                            fields.putIfAbsent(field, InputText.clean(text.toString()));
                            field = null;
                        }
                        depth--;
                    }
                    default -> {
                        // comments, processing instructions: nothing to keep
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new WechatCrypto.InvalidMessageException("the body is not well-formed XML: " + firstLine(e));
        } finally {
            close(r);
        }
        return fields;
    }

    /** A flat {@code <xml>}: every value as CDATA except the names in {@code plain} (numbers). */
    static String write(Map<String, String> fields, String... plain) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
            w.writeStartElement("xml");
            for (var field : fields.entrySet()) {
                w.writeStartElement(field.getKey());
                String value = field.getValue() == null ? "" : field.getValue();
                if (java.util.Arrays.asList(plain).contains(field.getKey()) || value.contains("]]>")) {
                    w.writeCharacters(value);
                } else {
                    w.writeCData(value);
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the reply XML", e);
        }
        return out.toString();
    }

    private static String firstLine(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.lastIndexOf("Message: ");
        return (nl >= 0 ? message.substring(nl + 9) : message).lines().findFirst().orElse("").strip();
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing held
            }
        }
    }
}
