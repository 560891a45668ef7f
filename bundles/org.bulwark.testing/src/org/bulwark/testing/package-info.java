/**
 * Test support for JUnit 5 tests that run in OSGi (Tycho test fragments, or any framework with JUnit 5): no base
 * class to extend, no static state.
 * <ul>
 * <li>{@link org.bulwark.testing.Services#await(Class, java.time.Duration)}: the service of a type, waiting for it;
 * on timeout an {@link AssertionError} naming the type, the timeout and the state of the Declarative Services
 * components that provide it.</li>
 * <li>{@link org.bulwark.testing.TestServices}: a JUnit 5 extension registering services for one test and
 * unregistering them after it; {@link org.bulwark.testing.Services#register} for a try-with-resources
 * {@link org.bulwark.testing.Registration} of your own.</li>
 * <li>{@link org.bulwark.testing.Await#waitForAssert(Runnable, java.time.Duration)}: an assertion retried until it
 * passes, its last failure rethrown on timeout.</li>
 * <li>{@link org.bulwark.testing.TestBundle}: a bundle jar built in memory (manifest headers, entries), its bytes
 * or installed and started.</li>
 * <li>{@link org.bulwark.testing.SmallFileSystem}: a small tmpfs that fills up, for full-disk tests (skipped
 * where it cannot be mounted).</li>
 * <li>{@link org.bulwark.testing.JdkTools}: the Java runtime's {@code keytool} and {@code jarsigner}, and a
 * self-signed keystore for TLS tests.</li>
 * </ul>
 * Per-test data directories are JUnit's own {@code @TempDir}.
 *
 * <p>1.1.0: {@code TestBundle}, {@code JdkTools}.
 * <p>1.2.0: {@code Allocations}, the bytes a thread allocated, and {@code TextMutations}, mutated text files: for
 * fuzz tests.
 * <p>1.3.0: {@code SmallFileSystem}, a small tmpfs to fill up: for full-disk tests.
 * <p>1.4.0: {@code JdkTools.batch}, many {@code keytool} and {@code jarsigner} commands in one JVM.
 * <p>1.5.0: {@code ChildJvm}, the java binary and class paths of the runtime's bundles for a test's child JVM.
 */
@Export
@Version("1.5.0")
package org.bulwark.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
