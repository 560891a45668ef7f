package org.bulwark.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * Sends a JSON report to a fleet server ({@code POST /api/assessments}). Network failures and 5xx answers are
 * retried (three attempts) with the same {@code Upload-Id}, so the server stores the assessment once.
 */
final class Uploader {

    private static final int ATTEMPTS = 3;

    private Uploader() {
    }

    static void upload(URI server, String token, byte[] report, PrintWriter err) {
        String base = server.toString().replaceAll("/+$", "");
        URI target = URI.create(base.endsWith("/api/assessments") ? base : base + "/api/assessments");
        String uploadId = UUID.randomUUID().toString();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Upload-Id", uploadId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(report)).build();
        String last = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200 || status == 201) {
                    err.println("bulwark: uploaded to " + target + ": " + response.body());
                    return;
                }
                last = "HTTP " + status + ": " + response.body();
                if (status < 500) {
                    break;
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.INTERNAL, "interrupted while uploading");
            }
            try {
                Thread.sleep(1000L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.INTERNAL, "interrupted while uploading");
            }
        }
        throw new CliException(ExitCodes.IO, "the report was written, but the upload to " + target + " failed: "
                + last);
    }
}
