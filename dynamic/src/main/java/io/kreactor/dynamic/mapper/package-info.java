/**
 * The RESTMapper: kinds to resources and scopes and back, and kubectl-style resource names (short names,
 * singular names, {@code resource.group}) to resources, from cached discovery.
 */
package io.kreactor.dynamic.mapper;
