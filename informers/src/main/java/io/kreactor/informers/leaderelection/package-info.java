/**
 * Leader election over {@code coordination.k8s.io/v1} Leases with client-go's {@code tools/leaderelection}
 * semantics: a {@link io.kreactor.informers.leaderelection.LeaderElector} per candidate, configured by a
 * {@link io.kreactor.informers.leaderelection.LeaderElectionConfig}, over a
 * {@link io.kreactor.informers.leaderelection.LeaseLock} — the API server's Lease through a
 * {@code RestClient}, or an {@link io.kreactor.informers.leaderelection.InMemoryLease} in tests.
 */
package io.kreactor.informers.leaderelection;
