package org.bulwark.operations.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.collector.api.Category;
import org.bulwark.scoring.api.AssessmentRequest;
import org.bulwark.scoring.api.ControlException;

/**
 * What to assess.
 *
 * @param root       the filesystem root of the target ({@code /} for this machine); must be a directory
 * @param categories the categories to assess; empty for all
 * @param content    content to use instead of the installed content; empty for the installed content
 * @param timeout    how long each collector may run; {@code null} for
 *                   {@link AssessmentRequest#DEFAULT_COLLECTOR_TIMEOUT}
 * @param exceptions exceptions to apply besides those kept in the store (e.g. from {@code --exceptions} files);
 *                   a stored exception with the same id as one of these is not applied again
 */
public record AssessOrder(Path root, Set<Category> categories, List<Benchmark> content, Duration timeout,
        List<ControlException> exceptions) {

    public AssessOrder {
        Objects.requireNonNull(root, "root");
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        content = content == null ? List.of() : List.copyOf(content);
        timeout = timeout == null ? AssessmentRequest.DEFAULT_COLLECTOR_TIMEOUT : timeout;
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }

    /** @return an order for everything installed on {@code root} */
    public static AssessOrder of(Path root) {
        return new AssessOrder(root, Set.of(), List.of(), null, List.of());
    }
}
