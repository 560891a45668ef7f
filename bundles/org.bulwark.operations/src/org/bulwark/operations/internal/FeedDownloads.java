package org.bulwark.operations.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.bulwark.operations.api.FeedSource;
import org.bulwark.operations.api.OperationException;

/**
 * Fetching feeds with the JDK's HTTP client, as a download tool would: conditional requests, redirects followed by
 * hand (at most {@value #MAX_REDIRECTS}, each one checked as the first URL was, so an {@code http} loopback test
 * server cannot send the client elsewhere in the clear), every answer bounded in bytes and in time (from connecting
 * to its last byte; the client has no read timeout of its own, so the whole exchange is cancelled at the deadline).
 * One instance per update: its threads end with {@link #close()}.
 */
final class FeedDownloads implements AutoCloseable {

    /** A dotted-quad IPv4 literal. */
    private static final Pattern LITERAL_IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    static final int MAX_REDIRECTS = 5;
    /** RFC 9110's IMF-fixdate, the form a server must accept in {@code If-Modified-Since}. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** A fetched source: its file, or none when the server said it was not modified. */
    record Download(FeedSource source, Optional<Path> file) {
    }

    private final long maxBytes;
    private final Duration timeout;
    private final ExecutorService executor;
    private final HttpClient client;

    FeedDownloads(long maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bulwark-feed-download");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().executor(executor).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(30)) < 0 ? timeout : Duration.ofSeconds(30))
                .build();
    }

    /**
     * Refuses a URL that is not fetched: {@code https} is, {@code http} only to a literal loopback address.
     *
     * @throws OperationException INVALID_INPUT naming the URL
     */
    static void check(URI url) throws OperationException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && loopback(url.getHost()))) {
            throw new OperationException(OperationException.Kind.INVALID_INPUT, "url", url + ": feeds are fetched "
                    + "over https only (http only from this machine's loopback address)");
        }
    }

    /**
     * @return whether {@code host} is a literal loopback address ({@code 127.0.0.1}, {@code [::1]}): a name is never
     *         looked up, as a name that resolves to loopback when checked may resolve elsewhere when connected
     */
    private static boolean loopback(String host) {
        if (!LITERAL_IPV4.matcher(host).matches() && !(host.startsWith("[") && host.endsWith("]"))) {
            return false;
        }
        try {
            return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)
                    .isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * @param since when the stored feed from this URL was imported, for {@code If-Modified-Since}; empty for none
     * @param into  the file to write the answer to
     */
    Download fetch(FeedSource source, Optional<Instant> since, Path into) throws IOException, OperationException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI url = source.url();
        check(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET()
                    .header("User-Agent", "Bulwark feeds update").header("Accept-Encoding", "identity");
            since.ifPresent(t -> request.header("If-Modified-Since", HTTP_DATE.format(t)));
            HttpResponse<Path> response = send(source, request.build(), into, deadline);
            int status = response.statusCode();
            if (status == 200) {
                return new Download(source, Optional.of(into));
            }
            if (status == 304 && since.isPresent()) {
                return new Download(source, Optional.empty());
            }
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw new IOException(where(source) + "HTTP " + status + " without a Location");
                }
                URI next;
                try {
                    next = url.resolve(location.get().trim());
                } catch (IllegalArgumentException e) {
                    throw new IOException(where(source) + "HTTP " + status + " to a malformed Location: "
                            + location.get());
                }
                try {
                    check(next);
                } catch (OperationException e) {
                    throw new IOException(where(source) + "redirected to " + next + ", which is not fetched "
                            + "(https only, http only from this machine's loopback address)");
                }
                url = next;
                continue;
            }
            throw new IOException(where(source) + "HTTP " + status + (status == 304 ? " to an unconditional request"
                    : ""));
        }
        throw new IOException(where(source) + "more than " + MAX_REDIRECTS + " redirects");
    }

    private HttpResponse<Path> send(FeedSource source, HttpRequest request, Path into, long deadline)
            throws IOException {
        CompletableFuture<HttpResponse<Path>> answer = client.sendAsync(request,
                info -> info.statusCode() == 200 ? new Bounded(BodySubscribers.ofFile(into), maxBytes)
                        : BodySubscribers.replacing((Path) null));
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IOException(where(source) + "no whole answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException(where(source) + "interrupted");
        } catch (CancellationException e) {
            throw new IOException(where(source) + "cancelled");
        } catch (ExecutionException e) {
            throw failure(source, e.getCause());
        }
    }

    private static IOException failure(FeedSource source, Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof TooLarge) {
                return new IOException(where(source) + c.getMessage());
            }
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new IOException(where(source) + "cannot connect: timed out (offline?)");
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
            String m = cause.getMessage();
            return new IOException(where(source) + "cannot connect" + (m == null || m.isBlank() ? "" : ": " + m)
                    + " (offline?)");
        }
        String m = cause == null ? null : cause.getMessage();
        return new IOException(where(source) + (m == null || m.isBlank() ? String.valueOf(cause) : m), cause);
    }

    private static String where(FeedSource source) {
        return source.url() + ": ";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** The answer is larger than a feed may be. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the answer is larger than " + limit + " bytes, the most a stored feed may be");
        }
    }

    /** A body subscriber that gives up, cancelling the exchange, once more than {@code limit} bytes came. */
    private static final class Bounded implements BodySubscriber<Path> {
        private final BodySubscriber<Path> file;
        private final long limit;
        private long received;
        private Flow.Subscription subscription;
        private boolean failed;

        Bounded(BodySubscriber<Path> file, long limit) {
            this.file = file;
            this.limit = limit;
        }

        @Override
        public CompletionStage<Path> getBody() {
            return file.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            file.onSubscribe(s);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (failed) {
                return;
            }
            for (ByteBuffer b : items) {
                received += b.remaining();
            }
            if (received > limit) {
                failed = true;
                subscription.cancel();
                file.onError(new TooLarge(limit));
                return;
            }
            file.onNext(items);
        }

        @Override
        public void onError(Throwable t) {
            if (!failed) {
                file.onError(t);
            }
        }

        @Override
        public void onComplete() {
            if (!failed) {
                file.onComplete();
            }
        }
    }
}
