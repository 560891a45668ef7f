package org.bulwark.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bulwark.report.api.ReportException;
import org.bulwark.report.api.ReportReader;
import org.bulwark.report.api.ReportedAssessment;
import org.bulwark.report.api.ReportedUpload;
import org.bulwark.report.internal.StrictReader.Keep;
import org.bulwark.scoring.api.ControlRef;
import org.bulwark.scoring.api.ResultState;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The {@link ReportReader} service. Reads only what fleet scoring (or a fleet server) needs and checks each of
 * those fields; the whole document must be one JSON value, with no field name unknown to its schema or repeated in
 * its object anywhere ({@link StrictReader}, {@link ReportShape}). An error names the file, the line and column of
 * the offending value and the field. Inputs are bounded: {@value #MAX_BYTES} bytes, from a regular file. Stateless,
 * thread-safe.
 */
@Component(service = ReportReader.class)
public final class JsonReportReader implements ReportReader {

    /** The largest report accepted. */
    static final int MAX_BYTES = 256 * 1024 * 1024;

    /** What is built of a report: the fields scoring reads, the software, and of each result {@code id} to {@code exceptions}. */
    private static final Keep REPORT = Keep.fields(Map.of("format", Keep.ALL, "device", Keep.ALL, "platform",
            Keep.ALL, "finished", Keep.ALL, "software", Keep.ALL, "results", Keep.items(Keep.fields(Map.of("id", Keep.ALL, "title", Keep.ALL, "category",
                    Keep.ALL, "weight", Keep.ALL, "state", Keep.ALL, "exceptions", Keep.ALL)))));

    /** What is built of an upload; the evidence is checked (names and nesting) but not built. */
    private static final Keep UPLOAD = Keep.fields(Map.of("upload", Keep.ALL, "device", Keep.ALL, "platform",
            Keep.ALL, "finished", Keep.ALL, "software", Keep.ALL, "results", Keep.items(Keep.fields(Map.of("id", Keep.ALL, "state",
                    Keep.ALL, "reason", Keep.ALL)))));

    /** For a document that is not an object (to name its kind): duplicate names and trailing data refused. */
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** For the stream of a document: names are checked by {@link StrictReader}, not by a set per object. */
    private final JsonFactory streams = JsonFactory.builder()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final ReportShape.Documents shapes = ReportShape.load(JsonReportReader.class, new ObjectMapper());

    @Override
    public ReportedAssessment read(Path file) throws ReportException {
        String origin = file.toString();
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new ReportException(origin, 0, 0, null, "not a regular file", null);
            }
            if (attributes.size() > MAX_BYTES) {
                throw new ReportException(origin, 0, 0, null,
                        "file is " + attributes.size() + " bytes, larger than the limit of " + MAX_BYTES, null);
            }
            return read(origin, bytes(origin, Files.newInputStream(file)));
        } catch (NoSuchFileException e) {
            throw new ReportException(origin, 0, 0, null, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new ReportException(origin, 0, 0, null, "permission denied", e);
        } catch (IOException e) {
            throw new ReportException(origin, 0, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public ReportedAssessment read(String origin, InputStream in) throws ReportException {
        return read(origin, bytes(origin, in));
    }

    @Override
    public ReportedUpload readUpload(String origin, InputStream in) throws ReportException {
        byte[] bytes = bytes(origin, in);
        JsonNode root = root(origin, bytes);
        ReportParse parse = new ReportParse(origin, bytes);
        if (root.isObject() && root.has("upload")) {
            return parse.upload(root);
        }
        if (root.isObject() && !root.has("format")) {
            throw parse.error("", "not a Bulwark upload or report: it has neither an \"upload\" nor a \"format\" "
                    + "field");
        }
        ReportedAssessment report = parse.report(root);
        Map<String, ResultState> states = new LinkedHashMap<>();
        for (ControlRef c : report.controls()) {
            states.put(c.id(), report.states().get(c.id()));
        }
        return new ReportedUpload(report.device(), report.assessedAt(), states, parse.software(root),
                parse.platform(root));
    }

    private static byte[] bytes(String origin, InputStream in) throws ReportException {
        try (InputStream stream = in) {
            byte[] bytes = stream.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ReportException(origin, 0, 0, null,
                        "report is larger than the limit of " + MAX_BYTES + " bytes", null);
            }
            return bytes;
        } catch (IOException e) {
            throw new ReportException(origin, 0, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private ReportedAssessment read(String origin, byte[] bytes) throws ReportException {
        return new ReportParse(origin, bytes).report(root(origin, bytes));
    }

    /** @return the parts of the document that are read, as a tree (see {@link #readNeeded}) */
    private JsonNode root(String origin, byte[] bytes) throws ReportException {
        JsonNode root;
        try {
            root = readNeeded(origin, bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ReportException(origin, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    null, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReportException(origin, 0, 0, null, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ReportException(origin, 0, 0, null, "empty file: not a Bulwark report", null);
        }
        return root;
    }

    /**
     * Walks the document against the report's or, when its first field is {@code upload}, the upload's schema and
     * builds a tree of what is read ({@link #REPORT}, {@link #UPLOAD}); nothing may follow the document.
     */
    private JsonNode readNeeded(String origin, byte[] bytes) throws IOException, ReportException {
        try (JsonParser p = streams.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return mapper.readTree(bytes); // not an object: the tree, for the error that names its kind
            }
            String first = p.nextToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
            boolean upload = "upload".equals(first);
            JsonNode root = new StrictReader(origin).document(p, upload ? shapes.upload() : shapes.report(),
                    upload ? UPLOAD : REPORT, first, upload);
            if (p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected content after the report",
                        p.currentTokenLocation());
            }
            return root;
        }
    }
}
