package io.kreactor.informers.reconcile;

import io.kreactor.core.api.GroupVersion;

/**
 * One entry of an object's {@code metadata.ownerReferences}. Owner references never cross namespaces: a
 * namespaced owner lives in the owned object's namespace.
 *
 * @param apiVersion         the owner's {@code apiVersion}, such as {@code apps/v1}
 * @param kind               the owner's kind
 * @param name               the owner's name
 * @param uid                the owner's uid
 * @param controller         whether this owner is the managing controller (at most one reference is)
 * @param blockOwnerDeletion whether foreground deletion of the owner waits for this object
 */
public record OwnerReference(String apiVersion, String kind, String name, String uid, boolean controller,
                             boolean blockOwnerDeletion) {

    /**
     * True when this reference points at {@code kind} in the API group of {@code apiVersion}. The version is
     * ignored, as controller-runtime's {@code EnqueueRequestForOwner} does: {@code apps/v1} and
     * {@code apps/v1beta2} name the same stored object.
     */
    public boolean refersTo(String apiVersion, String kind) {
        if (this.apiVersion == null || this.kind == null || !this.kind.equals(kind)) {
            return false;
        }
        try {
            return GroupVersion.parse(this.apiVersion).group().equals(GroupVersion.parse(apiVersion).group());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
