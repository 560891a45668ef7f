package org.bulwark.scap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bulwark.scap.OvalElement;
import org.bulwark.scap.ScapContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureXmlTest {

    @TempDir
    Path dir;

    private Path write(String name, String xml) throws Exception {
        return Files.writeString(dir.resolve(name), xml);
    }

    @Test
    void refusesBillionLaughs() throws Exception {
        Path f = write("laughs.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n<lolz>&lol2;</lolz>");
        ScapContentException e = assertThrows(ScapContentException.class, () -> {
            try (SecureXml x = SecureXml.open(f)) {
                x.toRoot();
            }
        });
        assertEquals(f + ":2: a DOCTYPE is refused (SCAP content has no DTD)", e.getMessage());
    }

    @Test
    void refusesExternalEntity() throws Exception {
        Path f = write("xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "\n<r>&x;</r>");
        ScapContentException e = assertThrows(ScapContentException.class, () -> {
            try (SecureXml x = SecureXml.open(f)) {
                x.toRoot();
            }
        });
        assertEquals(2, e.line());
    }

    @Test
    void readsTreeAndNamesTruncation() throws Exception {
        Path ok = write("ok.xml", "<a x=\"1\">\n <b>t<i>u</i>v</b>\n</a>");
        try (SecureXml x = SecureXml.open(ok)) {
            x.toRoot();
            OvalElement a = x.tree(true);
            assertEquals("1", a.attribute("x"));
            assertEquals("tuv", a.children().get(0).text());
            assertEquals(2, a.children().get(0).line());
        }
        Path cut = write("cut.xml", "<a>\n<b>\n");
        ScapContentException e = assertThrows(ScapContentException.class, () -> {
            try (SecureXml x = SecureXml.open(cut)) {
                x.toRoot();
                x.tree(false);
            }
        });
        assertEquals(cut.toString(), e.file());
    }
}
