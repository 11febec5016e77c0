package com.patientpayments.emr.practice;

import com.patientpayments.emr.EmrException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Makes an uploaded SVG logo safe to serve and print: an allowlist of drawing elements and presentation attributes.
 * Removed: scripts, {@code foreignObject}, {@code style} elements, animation, every {@code on*} event attribute, any
 * reference that is not a same-document fragment ({@code href="#id"}), CSS {@code url(…)} to anything but a fragment,
 * {@code javascript:}. DOCTYPEs (and so external entities) are refused outright. The BFF also serves SVG with a
 * sandboxing CSP: this is defense in depth, not the only line. Rule source: OWASP "XSS via SVG" guidance.
 */
final class SvgSanitizer {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final Set<String> ELEMENTS = Set.of(
            "svg",
            "g",
            "path",
            "rect",
            "circle",
            "ellipse",
            "line",
            "polyline",
            "polygon",
            "text",
            "tspan",
            "title",
            "desc",
            "defs",
            "linearGradient",
            "radialGradient",
            "stop",
            "clipPath",
            "mask",
            "use",
            "symbol");
    private static final Set<String> ATTRIBUTES = Set.of(
            "id",
            "class",
            "viewBox",
            "width",
            "height",
            "x",
            "y",
            "x1",
            "y1",
            "x2",
            "y2",
            "cx",
            "cy",
            "r",
            "rx",
            "ry",
            "d",
            "points",
            "fill",
            "fill-opacity",
            "fill-rule",
            "stroke",
            "stroke-width",
            "stroke-opacity",
            "stroke-linecap",
            "stroke-linejoin",
            "stroke-dasharray",
            "opacity",
            "transform",
            "offset",
            "stop-color",
            "stop-opacity",
            "gradientUnits",
            "gradientTransform",
            "clip-path",
            "clip-rule",
            "mask",
            "font-family",
            "font-size",
            "font-weight",
            "text-anchor",
            "dominant-baseline",
            "preserveAspectRatio",
            "version",
            "href",
            "style",
            "xmlns",
            "xmlns:xlink",
            "xlink:href",
            "fx",
            "fy",
            "spreadMethod",
            "dx",
            "dy",
            "letter-spacing");
    /** url(…) pointing anywhere but a same-document fragment, script URLs, legacy CSS expressions, imports. */
    private static final Pattern UNSAFE_VALUE =
            Pattern.compile("(?i)url\\s*\\(\\s*['\"]?\\s*[^#'\"\\s]|javascript:|expression\\s*\\(|@import|data:");

    private SvgSanitizer() {}

    /** The sanitized document as UTF-8 bytes; {@code VALIDATION_FAILED} when it is not a well-formed SVG. */
    static byte[] sanitize(byte[] svg) {
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
            throw EmrException.invalid("The logo is not an SVG image (root element <svg> in the SVG namespace).");
        }
        clean(root);
        return write(doc);
    }

    private static void clean(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        List<Attr> drop = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (!allowed(a)) {
                drop.add(a);
            }
        }
        drop.forEach(element::removeAttributeNode);
        List<Node> children = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            children.add(n);
        }
        for (Node child : children) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE:
                    if (SVG_NS.equals(child.getNamespaceURI()) && ELEMENTS.contains(child.getLocalName())) {
                        clean((Element) child);
                    } else {
                        element.removeChild(child);
                    }
                    break;
                case Node.TEXT_NODE:
                    break;
                default: // comments, processing instructions, CDATA (script bodies), entity references
                    element.removeChild(child);
            }
        }
    }

    private static boolean allowed(Attr a) {
        String name = a.getName();
        String local = a.getLocalName() == null ? name : a.getLocalName();
        if (local.toLowerCase(Locale.ROOT).startsWith("on")) {
            return false;
        }
        boolean href = "href".equals(local) && (a.getNamespaceURI() == null || XLINK_NS.equals(a.getNamespaceURI()));
        if (href) {
            return a.getValue().trim().startsWith("#");
        }
        if (!ATTRIBUTES.contains(name) && !ATTRIBUTES.contains(local)) {
            return false;
        }
        return !UNSAFE_VALUE.matcher(a.getValue()).find();
    }

    private static Document parse(byte[] svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(svg));
        } catch (SAXException | IOException e) {
            throw EmrException.invalid("The logo is not a well-formed SVG image (DOCTYPEs are not accepted).");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser configuration", e);
        }
    }

    private static byte[] write(Document doc) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("SVG serialization", e);
        }
    }
}
