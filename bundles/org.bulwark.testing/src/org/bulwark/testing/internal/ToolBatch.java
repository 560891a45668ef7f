package org.bulwark.testing.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of the child JVM that {@code JdkTools.Batch} starts: runs each line of its command file (a tool
 * name, then its arguments, separated by U+0001) with the JDK's own {@code keytool} or {@code jarsigner} classes, in
 * this one JVM. One JVM start per batch instead of one per command: a Java start costs about a second, and key and
 * certificate set-ups run tens of commands. The tools' classes are reached by reflection, since their packages are
 * not exported (the parent starts this JVM with {@code --add-exports}). A tool that fails ends this JVM with its
 * exit code, after the tool printed why.
 */
public final class ToolBatch {

    static final List<String> TOOLS = List.of("keytool", "jarsigner");

    private ToolBatch() {
    }

    public static void main(String[] args) throws Exception {
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String[] parts = line.split("\u0001", -1);
            Method main = Class.forName(mainClass(parts[0])).getMethod("main", String[].class);
            System.out.println("$ " + String.join(" ", parts));
            try {
                main.invoke(null, (Object) Arrays.copyOfRange(parts, 1, parts.length));
            } catch (InvocationTargetException e) {
                e.getCause().printStackTrace(System.out);
                System.exit(1);
            }
        }
    }

    /** @return the class that runs {@code tool}: {@code sun.security.tools.<tool>.Main} */
    public static String mainClass(String tool) {
        if (!TOOLS.contains(tool)) {
            throw new IllegalArgumentException("not a batched tool: " + tool);
        }
        return "sun.security.tools." + tool + ".Main";
    }

    /** @return the options that open {@code tool}'s package to this class */
    public static String addExports(String tool) {
        return (tool.equals("keytool") ? "java.base" : "jdk.jartool") + "/sun.security.tools." + tool
                + "=ALL-UNNAMED";
    }
}
