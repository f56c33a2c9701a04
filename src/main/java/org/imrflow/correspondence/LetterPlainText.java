package org.imrflow.correspondence;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads the plain-text letter off a rendered XHTML letter, so that the text and the PDF cannot say different
 * things: each paragraph or heading becomes one line, the lines of a {@code div.lines} (a block of short
 * lines such as the credential block) and the items of a list stay together, a blank line separates every
 * other block, and the
 * running footer, which belongs to the printed page only, is left out.
 */
final class LetterPlainText {

    private static final Set<String> LINES = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6");

    private LetterPlainText() {
    }

    static String of(String xhtml) {
        Element body = (Element) parse(xhtml).getElementsByTagName("body").item(0);
        List<List<String>> blocks = new ArrayList<>();
        collect(body, blocks);
        StringBuilder text = new StringBuilder();
        for (List<String> block : blocks) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            block.forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }

    private static void collect(Element parent, List<List<String>> blocks) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element element) || hasClass(element, "footer")) {
                continue;
            }
            if (LINES.contains(element.getTagName())) {
                blocks.add(List.of(line(element)));
            } else if (element.getTagName().equals("ul") || element.getTagName().equals("ol")) {
                blocks.add(listItems(element));
            } else if (hasClass(element, "lines")) {
                List<String> lines = new ArrayList<>();
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element line) {
                        lines.add(line(line));
                    }
                }
                blocks.add(lines);
            } else {
                collect(element, blocks);
            }
        }
    }

    /** A list stays one block: "- item" for bullets, "1) item" for numbers, as the 2013 letters numbered findings. */
    private static List<String> listItems(Element list) {
        boolean numbered = list.getTagName().equals("ol");
        List<String> lines = new ArrayList<>();
        for (Node child = list.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element item) {
                lines.add((numbered ? (lines.size() + 1) + ") " : "- ") + line(item));
            }
        }
        return lines;
    }

    private static String line(Element element) {
        return LetterText.oneLine(element.getTextContent());
    }

    private static boolean hasClass(Element element, String name) {
        return List.of(element.getAttribute("class").split("\\s+")).contains(name);
    }

    private static org.w3c.dom.Document parse(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // the document is our own template's output; still, nothing outside it may be read
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            // the templates are XHTML; a letter that does not parse is a broken template, not bad input
            throw new IllegalStateException("The rendered letter is not well-formed XHTML", e);
        }
    }
}
