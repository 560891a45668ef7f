package org.bulwark.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.bulwark.collector.api.AssessmentContext;
import org.bulwark.collector.api.Category;
import org.bulwark.collector.api.Observation;
import org.junit.jupiter.api.Test;

class TextFileTest {

    @Test
    void contentSkipsBlankAndCommentLinesAndKeepsNumbers() {
        TextFile file = new TextFile("/etc/x.conf", List.of("  a = 1  ", "", "   ", "# c", "  ; d", "b=2", "\t#e"));
        assertEquals(List.of(new TextFile.Line(1, "a = 1"), new TextFile.Line(5, "; d"), new TextFile.Line(6, "b=2")),
                file.content("#"));
        assertEquals(List.of(new TextFile.Line(1, "a = 1"), new TextFile.Line(6, "b=2")), file.content("#", ";"));
        assertEquals(List.of(new TextFile.Line(1, "a = 1"), new TextFile.Line(4, "# c"), new TextFile.Line(5, "; d"),
                new TextFile.Line(6, "b=2"), new TextFile.Line(7, "#e")), file.content());
    }

    @Test
    void linuxCollectorReturnsWhatItWasGiven() {
        LinuxCollector c = new LinuxCollector("linux.test", Category.NETWORK, Set.of("linux.a", "linux.b.*")) {
            @Override
            public List<Observation> collect(AssessmentContext context) {
                return List.of();
            }
        };
        assertEquals("linux.test", c.id());
        assertEquals(Category.NETWORK, c.category());
        assertEquals(Set.of("linux.a", "linux.b.*"), c.provides());
    }
}
