package io.kreactor.dynamic.apply;

import io.kreactor.core.api.Unstructured;
import io.kreactor.dynamic.DynamicClient;
import io.kreactor.dynamic.mapper.RestMapper;
import java.nio.file.Path;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Applies manifests with server-side apply, like {@code kubectl apply --server-side -f}: each object is mapped to
 * its resource by the {@link RestMapper} (kind and scope from discovery), given the default namespace when it is
 * namespaced and names none, and sent as an apply patch through the {@link DynamicClient} with the configured
 * field manager and force flag.
 *
 * <p>Objects are applied one after the other in manifest order, so a Namespace or CustomResourceDefinition listed
 * first exists before the objects that need it. A failure of one object — an unknown kind, a conflict, an invalid
 * field — is reported as that object's {@link ApplyResult} and does not stop the others. A manifest that cannot
 * be parsed fails the whole {@code Flux} before anything is applied, with a {@link ManifestParseException}
 * naming the document and line.
 *
 * <p>Created, configured and unchanged are told apart by reading the object before applying it: absent means
 * created, an unchanged resourceVersion means unchanged.
 */
public interface ManifestApplier {

    /** An applier that resolves kinds with {@code mapper} and writes through {@code dynamic}. */
    static ManifestApplier create(DynamicClient dynamic, RestMapper mapper, ApplyOptions options) {
        return new DefaultManifestApplier(dynamic, mapper, options);
    }

    /** Parses {@code yaml} (see {@link Manifests}) and applies every object; one result per object, in order. */
    Flux<ApplyResult> apply(String yaml);

    /** Reads the manifest file (off the event loop) and applies every object. */
    Flux<ApplyResult> apply(Path file);

    /** Applies {@code objects} in order. */
    Flux<ApplyResult> apply(List<Unstructured> objects);
}
