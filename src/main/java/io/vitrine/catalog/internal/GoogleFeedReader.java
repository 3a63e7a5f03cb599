package io.vitrine.catalog.internal;

import io.vitrine.catalog.Money;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A Google Merchant Center feed: RSS 2.0 {@code <item>}s (or Atom {@code <entry>}s) with attributes in the
 * {@code g:} namespace, read element by element with StAX. Items sharing a {@code g:item_group_id} are the variants
 * of one product; {@code g:size}, {@code g:color}, {@code g:material} and {@code g:pattern} are their options.
 */
final class GoogleFeedReader implements ProductReader {

    static final String NS = "http://base.google.com/ns/1.0";
    private static final Map<String, String> OPTIONS = Map.of("size", "Size", "color", "Color", "material", "Material",
            "pattern", "Pattern");
    private static final XMLInputFactory FACTORY = factory();

    @Override
    public void read(InputStream in, RowSink sink) {
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(in);
            boolean rooted = false;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                rooted = true;
                String name = xml.getLocalName();
                if ("item".equals(name) || "entry".equals(name)) {
                    long line = xml.getLocation().getLineNumber();
                    item(attributes(xml, name), line, sink);
                }
            }
            if (!rooted) {
                throw new UnreadableFileException("The XML file has no elements.");
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new UnreadableFileException("The feed is not well-formed XML (line " + line + "): " + firstLine(e.getMessage()));
        } finally {
            close(xml);
        }
    }

    /** The item's child elements by local name ({@code g:} and plain RSS alike), each with all its values. */
    private static Map<String, List<String>> attributes(XMLStreamReader xml, String end) throws XMLStreamException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                boolean google = NS.equals(xml.getNamespaceURI());
                String href = "link".equals(name) && !google ? xml.getAttributeValue(null, "href") : null;
                String text = elementText(xml);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(href != null ? href : text);
            } else if (event == XMLStreamConstants.END_ELEMENT && end.equals(xml.getLocalName())) {
                break;
            }
        }
        return values;
    }

    /** Text of a simple element; nested markup (rare in feeds) is skipped. */
    private static String elementText(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) {
                        text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> { }
            }
        }
        return text.toString();
    }

    private static void item(Map<String, List<String>> item, long line, RowSink sink) {
        try {
            sink.row(row(item, line));
        } catch (IllegalArgumentException e) {
            sink.error(line, e.getMessage());
        }
    }

    private static ImportRow row(Map<String, List<String>> item, long line) {
        String id = Fields.limited(first(item, "id"), Fields.MAX_SKU, "g:id");
        if (id == null) {
            throw new IllegalArgumentException("the item has no g:id");
        }
        Money price = price(first(item, "price"));
        List<String> images = new ArrayList<>();
        for (String key : List.of("image_link", "additional_image_link")) {
            item.getOrDefault(key, List.of()).stream().map(Fields::text)
                    .filter(url -> url != null && url.length() <= Fields.MAX_URL).forEach(images::add);
        }
        images = Fields.images(images);
        Boolean available = Fields.availability(first(item, "availability"));
        String group = Fields.limited(first(item, "item_group_id"), Fields.MAX_SKU, "g:item_group_id");
        String title = Fields.limited(first(item, "title"), Fields.MAX_TITLE, "the title");
        String description = Fields.limited(Fields.plainText(first(item, "description")), Fields.MAX_DESCRIPTION, "the description");
        String link = Fields.url(first(item, "link"), "the link");
        if (group == null) {
            return new ImportRow(line, new ImportRow.ProductData(id, id, title, description, link, images, price,
                    available, null), null);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String key : List.of("size", "color", "material", "pattern")) {
            String value = Fields.text(first(item, key));
            if (value != null) {
                options.put(OPTIONS.get(key), value);
            }
        }
        return new ImportRow(line, new ImportRow.ProductData(group, null, title, description, link, images, price, null, null),
                new ImportRow.VariantData(id, options, price, null, available, null));
    }

    /** Google writes prices as {@code "15.00 USD"}. */
    private static Money price(@Nullable String value) {
        String text = Fields.text(value);
        if (text == null) {
            throw new IllegalArgumentException("the item has no g:price");
        }
        String[] parts = text.split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("the price '" + text + "' is not written like 15.00 USD");
        }
        return Money.parse(parts[0], parts[1]);
    }

    private static @Nullable String first(Map<String, List<String>> item, String key) {
        List<String> values = item.get(key);
        return values == null || values.isEmpty() ? null : Fields.text(values.get(0));
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // A feed is untrusted input: no DTDs, no external entities.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "";
        }
        String[] lines = message.strip().split("\n");
        return lines[lines.length - 1].replaceFirst("^Message: ", "");
    }

    private static void close(@Nullable XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing left to release
            }
        }
    }
}
