package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One committed write: the unit of the event history and of watch delivery.
 *
 * @param revision      the global resourceVersion the write was given
 * @param type          {@code ADDED}, {@code MODIFIED} or {@code DELETED}
 * @param groupResource {@code group/plural} of the object
 * @param key           the storage key: {@code namespace/name}, or {@code name} for cluster-scoped objects
 * @param object        the object after the write (for DELETED: the last state, with the deletion's revision)
 * @param previous      the object before the write, or null for ADDED
 */
record Change(long revision, String type, String groupResource, String key, ObjectNode object, ObjectNode previous) {

    String namespace() {
        return Json.namespace(object);
    }
}
