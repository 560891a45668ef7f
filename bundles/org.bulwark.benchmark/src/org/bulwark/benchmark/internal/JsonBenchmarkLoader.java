package org.bulwark.benchmark.internal;

import java.io.InputStream;
import java.nio.file.Path;

import org.bulwark.benchmark.api.Benchmark;
import org.bulwark.benchmark.api.BenchmarkException;
import org.bulwark.benchmark.api.BenchmarkLoader;
import org.osgi.service.component.annotations.Component;

/** The {@link BenchmarkLoader} service: stateless, thread-safe. */
@Component(service = BenchmarkLoader.class)
public final class JsonBenchmarkLoader implements BenchmarkLoader {

    private final ContentReader reader = new ContentReader();

    @Override
    public Benchmark load(Path file) throws BenchmarkException {
        return reader.read(file);
    }

    @Override
    public Benchmark load(String origin, InputStream in) throws BenchmarkException {
        return reader.read(origin, in);
    }
}
