/**
 * Multi-document YAML manifests: {@link io.kreactor.dynamic.apply.Manifests} reads them into untyped objects and
 * {@link io.kreactor.dynamic.apply.ManifestApplier} server-side applies them with a result per object, like
 * {@code kubectl apply --server-side -f}.
 */
package io.kreactor.dynamic.apply;
