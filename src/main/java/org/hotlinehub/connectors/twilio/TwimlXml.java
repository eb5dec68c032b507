package org.hotlinehub.connectors.twilio;

import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.jboss.logging.Logger;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

import com.twilio.twiml.TwiML;

/**
 * The XML of a TwiML document built with the SDK's builders, exactly as {@link TwiML#toXml()} writes it: the SDK's own
 * element building ({@code buildXmlElement}), the same serializer settings. What differs is that the SDK looks up and
 * creates a {@link DocumentBuilderFactory}, a document builder, a {@link TransformerFactory} and a transformer for every
 * document (a service-loader scan of the class path each time): under load that was an eighth of the SMS webhook's CPU.
 * Here the factories are made once and the builder and transformer once per thread. Should a later SDK rename the
 * element building, this falls back to {@link TwiML#toXml()}.
 */
final class TwimlXml {

    private static final Logger LOG = Logger.getLogger(TwimlXml.class);
    private static final Method BUILD_ELEMENT = buildElement();
    private static final DocumentBuilderFactory DOCUMENTS = DocumentBuilderFactory.newInstance();
    private static final TransformerFactory TRANSFORMERS = transformers();
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            return DOCUMENTS.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<Transformer> TRANSFORMER = ThreadLocal.withInitial(() -> {
        try {
            Transformer t = TRANSFORMERS.newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "no");
            return t;
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    private TwimlXml() {
    }

    /** Whether the SDK's element building was found (else every document goes through {@link TwiML#toXml()}). */
    static boolean fast() {
        return BUILD_ELEMENT != null;
    }

    static String of(TwiML twiml) {
        if (BUILD_ELEMENT == null) {
            return twiml.toXml();
        }
        try {
            Document document = BUILDER.get().newDocument();
            document.setXmlStandalone(true);
            document.appendChild((Node) BUILD_ELEMENT.invoke(twiml, document));
            StringWriter out = new StringWriter();
            Transformer transformer = TRANSFORMER.get();
            try {
                transformer.transform(new DOMSource(document), new StreamResult(out));
            } finally {
                transformer.reset();
                transformer.setOutputProperty(OutputKeys.INDENT, "no");
            }
            return out.toString().trim();
        } catch (IllegalAccessException | InvocationTargetException | TransformerException e) {
            LOG.warnf(e, "TwiML serialization failed, using the SDK's own");
            return twiml.toXml();
        }
    }

    private static Method buildElement() {
        try {
            Method m = TwiML.class.getDeclaredMethod("buildXmlElement", Document.class);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException | RuntimeException e) {
            LOG.warnf("TwiML.buildXmlElement not found (%s): TwiML is written by the SDK's toXml()", e);
            return null;
        }
    }

    private static TransformerFactory transformers() {
        TransformerFactory factory = TransformerFactory.newInstance();
        // as the SDK does: no external DTDs or stylesheets
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory;
    }
}
