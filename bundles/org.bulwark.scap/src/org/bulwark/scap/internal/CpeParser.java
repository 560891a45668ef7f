package org.bulwark.scap.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bulwark.scap.CpeItem;
import org.bulwark.scap.ScapContentException;

/** Reads a CPE 2.x dictionary ({@code cpe-list}) with the OVAL check of each item. Not thread-safe. */
final class CpeParser {

    static final String NS = "http://cpe.mitre.org/dictionary/2.0";

    /** An item and where its OVAL check was written, for the caller to resolve the check's href. */
    record ItemAt(CpeItem item, Where check) {
    }

    private final SecureXml x;

    CpeParser(SecureXml x) {
        this.x = x;
    }

    /** Reads the cpe-list element the reader is on, to its end tag. */
    List<ItemAt> items() throws ScapContentException {
        List<ItemAt> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int level = x.depth();
        while (x.nextChild(level)) {
            if (!x.namespace().equals(NS) || !x.localName().equals("cpe-item")) {
                x.skip();
                continue;
            }
            String name = x.required("name");
            if (!names.add(name)) {
                throw x.error("name", "duplicate CPE name \"" + Where.clip(name) + "\"");
            }
            String title = "";
            String href = "";
            String definition = "";
            Where check = null;
            int itemLevel = x.depth();
            while (x.nextChild(itemLevel)) {
                if (!x.namespace().equals(NS)) {
                    x.skip();
                } else if (x.localName().equals("title") && title.isEmpty()) {
                    title = x.text();
                } else if (x.localName().equals("check") && x.attr("system").equals(OvalParser.NS)
                        && check == null) {
                    href = x.attr("href");
                    check = x.where();
                    definition = x.text();
                } else {
                    x.skip();
                }
            }
            items.add(new ItemAt(new CpeItem(name, title, href, definition), check));
        }
        return items;
    }
}
