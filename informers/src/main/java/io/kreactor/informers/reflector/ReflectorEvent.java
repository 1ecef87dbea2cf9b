package io.kreactor.informers.reflector;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Reflector} tells its consumer (the DeltaFIFO): a complete relist, one watched change, or
 * progress. Events arrive in the order the server produced them.
 *
 * @param <T> the object type
 */
public sealed interface ReflectorEvent<T> {

    /**
     * The complete state of the collection at {@code resourceVersion}, from a (paginated) LIST or the initial
     * events of a watch-list. Atomic: the consumer must replace its whole state with {@code objects}; anything
     * it holds that is missing here was deleted while no watch was open.
     *
     * @param objects         every object, in server order (unmodifiable)
     * @param resourceVersion the list resourceVersion; the next watch starts from it
     * @param <T>             the object type
     */
    record Replace<T>(List<T> objects, String resourceVersion) implements ReflectorEvent<T> {
        /** Copies {@code objects} into an unmodifiable list. */
        public Replace {
            objects = List.copyOf(objects);
            Objects.requireNonNull(resourceVersion, "resourceVersion");
        }

        @Override
        public String toString() {
            return "Replace[" + objects.size() + " objects, resourceVersion=" + resourceVersion + "]";
        }
    }

    /**
     * A watch ADDED event.
     *
     * @param object the new object
     * @param <T>    the object type
     */
    record Added<T>(T object) implements ReflectorEvent<T> {
        /** Rejects null. */
        public Added {
            Objects.requireNonNull(object, "object");
        }
    }

    /**
     * A watch MODIFIED event.
     *
     * @param object the object's new state
     * @param <T>    the object type
     */
    record Modified<T>(T object) implements ReflectorEvent<T> {
        /** Rejects null. */
        public Modified {
            Objects.requireNonNull(object, "object");
        }
    }

    /**
     * A watch DELETED event.
     *
     * @param object the object's final state as the server sent it
     * @param <T>    the object type
     */
    record Deleted<T>(T object) implements ReflectorEvent<T> {
        /** Rejects null. */
        public Deleted {
            Objects.requireNonNull(object, "object");
        }
    }

    /**
     * A watch BOOKMARK: the collection has no unseen change up to {@code resourceVersion}.
     *
     * @param resourceVersion the bookmark's resourceVersion
     * @param <T>             the object type
     */
    record Bookmark<T>(String resourceVersion) implements ReflectorEvent<T> {
        /** Rejects null. */
        public Bookmark {
            Objects.requireNonNull(resourceVersion, "resourceVersion");
        }
    }
}
