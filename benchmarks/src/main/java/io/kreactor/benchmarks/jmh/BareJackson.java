package io.kreactor.benchmarks.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.kreactor.benchmarks.clients.Decoded;
import java.io.IOException;

/**
 * The limit: a default {@code new ObjectMapper()} decoding the same bytes in memory into fabric8's model
 * ({@code readValue(bytes, PodList.class)}), one event line at a time for the watch.
 */
public final class BareJackson {

    /** One watch event as bare Jackson sees it: {@code {"type": ..., "object": <Pod>}}. */
    public static final class PodEvent {
        /** ADDED, MODIFIED, DELETED, BOOKMARK or ERROR. */
        public String type;
        /** The pod. */
        public Pod object;
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectReader eventReader = mapper.readerFor(PodEvent.class);

    /** Decodes a whole PodList body. */
    public Decoded list(byte[] body) throws IOException {
        PodList list = mapper.readValue(body, PodList.class);
        Decoded.Counter counter = new Decoded.Counter();
        for (Pod pod : list.getItems()) {
            counter.add(pod.getMetadata().getName(), pod.getMetadata().getResourceVersion());
        }
        return counter.result();
    }

    /** Decodes every event line. */
    public Decoded watch(byte[][] lines) throws IOException {
        Decoded.Counter counter = new Decoded.Counter();
        for (byte[] line : lines) {
            PodEvent event = eventReader.readValue(line);
            counter.add(event.object.getMetadata().getName(), event.object.getMetadata().getResourceVersion());
        }
        return counter.result();
    }
}
