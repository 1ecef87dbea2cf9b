package io.kreactor.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against an {@link io.kreactor.testing.server.EmbeddedApiServer}: the server starts before the
 * tests (once per class, or once per test method with {@link #perMethod()}) and stops after them. Test methods,
 * constructors and lifecycle methods can take an {@code EmbeddedApiServer}, a {@code RestClient} or a
 * {@code ClientConfig} parameter.
 *
 * <pre>{@code
 * @EmbeddedApiServerTest
 * class PodWatcherTest {
 *     @Test
 *     void seesNewPods(EmbeddedApiServer server, RestClient client) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedApiServerExtension.class)
public @interface EmbeddedApiServerTest {

    /** Start a fresh server for every test method instead of one for the whole class. */
    boolean perMethod() default false;

    /** Whether writes into a namespace that does not exist fail with 404, as on a real cluster. */
    boolean requireNamespaces() default true;

    /** How many changes the server keeps for watch resumes (older resourceVersions get 410). */
    int historySize() default 10_000;
}
