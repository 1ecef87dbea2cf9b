/**
 * The DiscoveryClient: what groups, versions and resources an API server serves, from aggregated discovery
 * ({@code apidiscovery.k8s.io/v2}) or the per-group documents, decoded into small records, with an in-memory
 * cache ({@link io.kreactor.rest.discovery.CachedDiscoveryClient}) for RESTMappers and kubectl-like tools.
 */
package io.kreactor.rest.discovery;
