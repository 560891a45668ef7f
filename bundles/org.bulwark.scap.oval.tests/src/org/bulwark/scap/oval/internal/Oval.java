package org.bulwark.scap.oval.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.bulwark.scap.OvalDefinitions;
import org.bulwark.scap.ScapContentException;
import org.bulwark.scap.ScapContentReader;
import org.bulwark.scap.oval.OvalEvaluator;
import org.bulwark.scap.oval.OvalResult;
import org.bulwark.scap.oval.OvalTarget;
import org.bulwark.testing.Services;

/**
 * A hand-written OVAL document, read with the content reader's service as any content is, and a fixture root.
 * Prefixes: {@code ind}, {@code unix}, {@code linux} and the definitions namespace as default.
 */
final class Oval {

    static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oval_definitions xmlns="http://oval.mitre.org/XMLSchema/oval-definitions-5"
                xmlns:oval="http://oval.mitre.org/XMLSchema/oval-common-5"
                xmlns:ind="http://oval.mitre.org/XMLSchema/oval-definitions-5#independent"
                xmlns:unix="http://oval.mitre.org/XMLSchema/oval-definitions-5#unix"
                xmlns:linux="http://oval.mitre.org/XMLSchema/oval-definitions-5#linux"
                xmlns:win="http://oval.mitre.org/XMLSchema/oval-definitions-5#windows"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <generator><oval:schema_version>5.11</oval:schema_version></generator>
            """;

    private final StringBuilder definitions = new StringBuilder();
    private final StringBuilder tests = new StringBuilder();
    private final StringBuilder objects = new StringBuilder();
    private final StringBuilder states = new StringBuilder();
    private final StringBuilder variables = new StringBuilder();

    /** A definition {@code oval:t:def:<n>} with these criteria children and operator. */
    Oval definition(int n, String operator, String criteria) {
        definitions.append("<definition class=\"compliance\" id=\"oval:t:def:").append(n).append("\" version=\"1\">")
                .append("<metadata><title>d").append(n).append("</title><description>d</description></metadata>")
                .append("<criteria operator=\"").append(operator).append("\">").append(criteria)
                .append("</criteria></definition>\n");
        return this;
    }

    /** A definition {@code oval:t:def:<n>} with one criterion on test {@code oval:t:tst:<test>}. */
    Oval definition(int n, int test) {
        return definition(n, "AND", criterion(test));
    }

    static String criterion(int test) {
        return "<criterion test_ref=\"oval:t:tst:" + test + "\"/>";
    }

    Oval test(String xml) {
        tests.append(xml).append('\n');
        return this;
    }

    Oval object(String xml) {
        objects.append(xml).append('\n');
        return this;
    }

    Oval state(String xml) {
        states.append(xml).append('\n');
        return this;
    }

    Oval variable(String xml) {
        variables.append(xml).append('\n');
        return this;
    }

    /** The document as XML. */
    String xml() {
        return HEAD + section("definitions", definitions) + section("tests", tests) + section("objects", objects)
                + section("states", states) + section("variables", variables) + "</oval_definitions>\n";
    }

    private static String section(String name, StringBuilder b) {
        return b.length() == 0 ? "" : "<" + name + ">\n" + b + "</" + name + ">\n";
    }

    /** @return the 1-based line of the first occurrence of {@code needle} */
    static int line(String xml, String needle) {
        return (int) xml.substring(0, xml.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Reads the document from a file in {@code dir}. */
    OvalDefinitions read(Path dir) {
        try {
            Path file = Files.writeString(dir.resolve("test-oval.xml"), xml());
            return Services.await(ScapContentReader.class).read(file).oval().values().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScapContentException e) {
            throw new AssertionError(e.getMessage() + "\n" + xml(), e);
        }
    }

    static OvalEvaluator evaluator() {
        return Services.await(OvalEvaluator.class);
    }

    /** Evaluates definition {@code oval:t:def:<n>} offline on {@code root}. */
    static OvalResult eval(OvalDefinitions d, int n, Path root) {
        return evaluator().evaluate(d, "oval:t:def:" + n, OvalTarget.offline(root), Map.of());
    }

    static OvalResult eval(OvalDefinitions d, int n, Path root, Map<String, List<String>> external) {
        return evaluator().evaluate(d, "oval:t:def:" + n, OvalTarget.offline(root), external);
    }

    /** Writes a file of the fixture root ({@code path} absolute as the target sees it). */
    static Path write(Path root, String path, String text) {
        try {
            Path file = root.resolve(path.substring(1));
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path root, String path, String text, String mode) {
        Path file = write(root, path, text);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path link(Path root, String path, String target) {
        try {
            Path link = root.resolve(path.substring(1));
            Files.createDirectories(link.getParent());
            return Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int uid(Path file) {
        try {
            return (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
