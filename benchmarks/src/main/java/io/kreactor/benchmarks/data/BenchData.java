package io.kreactor.benchmarks.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pre-rendered bytes every client decodes: Pod lists and watch-event lines, one namespace per workload.
 *
 * <p>Rendering once up front means the server only copies bytes while a client is measured, and every client
 * (and the bare Jackson baseline) decodes exactly the same input.
 */
public final class BenchData {

    /** Namespace of the LIST workloads. */
    public static final String NS_LIST = "bench-list";
    /** Namespace of the WATCH workload: a watch streams every event, then ends. */
    public static final String NS_WATCH = "bench-watch";
    /** Namespace of the informer workload: list, then events after the requested resourceVersion, then held open. */
    public static final String NS_INFORMER = "bench-informer";
    /** Namespace of the many-watches workload: watches are held open and get the server's broadcast ticks. */
    public static final String NS_MANY = "bench-many";

    /** First resourceVersion of every list; events count up from here. */
    public static final long BASE_RESOURCE_VERSION = 1_000_000L;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BenchSizes sizes;
    private final byte[][] listItems;
    private final byte[][] watchLines;
    private final byte[][] informerItems;
    private final byte[][] informerLines;
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

    private BenchData(BenchSizes sizes, byte[][] listItems, byte[][] watchLines, byte[][] informerItems, byte[][] informerLines) {
        this.sizes = sizes;
        this.listItems = listItems;
        this.watchLines = watchLines;
        this.informerItems = informerItems;
        this.informerLines = informerLines;
    }

    /** Renders every data set for {@code sizes} from {@code seed}. */
    public static BenchData render(BenchSizes sizes, long seed) {
        PodFactory factory = new PodFactory(seed);
        byte[][] listItems = new byte[sizes.listPods()][];
        for (int i = 0; i < listItems.length; i++) {
            listItems[i] = json(factory.pod(i, NS_LIST, BASE_RESOURCE_VERSION - listItems.length + i));
        }
        byte[][] watchLines = new byte[sizes.watchEvents()][];
        for (int i = 0; i < watchLines.length; i++) {
            watchLines[i] = eventLine("MODIFIED", json(factory.pod(i % sizes.listPods(), NS_WATCH, BASE_RESOURCE_VERSION + 1 + i)));
        }
        byte[][] informerItems = new byte[sizes.informerPods()][];
        for (int i = 0; i < informerItems.length; i++) {
            informerItems[i] = json(factory.pod(i, NS_INFORMER, BASE_RESOURCE_VERSION - informerItems.length + i));
        }
        byte[][] informerLines = new byte[sizes.informerEvents()][];
        for (int i = 0; i < informerLines.length; i++) {
            informerLines[i] = eventLine("MODIFIED", json(factory.pod(i % sizes.informerPods(), NS_INFORMER, BASE_RESOURCE_VERSION + 1 + i)));
        }
        return new BenchData(sizes, listItems, watchLines, informerItems, informerLines);
    }

    /** The sizes these data were rendered for. */
    public BenchSizes sizes() {
        return sizes;
    }

    /** The whole LIST workload body in one page, as the server sends it. */
    public byte[] fullList() {
        return listPage(NS_LIST, 0, 0);
    }

    /** The LIST workload's watch-event lines (each ending in a newline), as the server streams them. */
    public byte[][] watchLines() {
        return watchLines;
    }

    /** The resourceVersion of the last informer event: a handler seeing it has seen every event. */
    public long lastInformerResourceVersion() {
        return BASE_RESOURCE_VERSION + informerLines.length;
    }

    /** The resourceVersion of the last WATCH workload event. */
    public long lastWatchResourceVersion() {
        return BASE_RESOURCE_VERSION + watchLines.length;
    }

    /** The pod items of {@code namespace} ({@link #NS_LIST} or {@link #NS_INFORMER}), or null. */
    byte[][] items(String namespace) {
        return switch (namespace) {
            case NS_LIST -> listItems;
            case NS_INFORMER -> informerItems;
            default -> null;
        };
    }

    /** The informer workload's watch-event lines. */
    public byte[][] informerLines() {
        return informerLines;
    }

    /**
     * One page of a PodList: items {@code [start, start + limit)} ({@code limit 0} means all), with a
     * {@code continue} token and {@code remainingItemCount} when more remain, as the API server pages.
     *
     * @throws IllegalArgumentException if the namespace has no list data
     */
    public byte[] listPage(String namespace, int start, int limit) {
        byte[][] items = items(namespace);
        if (items == null) {
            throw new IllegalArgumentException("namespace '" + namespace + "' has no list data");
        }
        String key = namespace + '/' + start + '/' + limit;
        return pages.computeIfAbsent(key, k -> renderPage(items, start, limit));
    }

    private static byte[] renderPage(byte[][] items, int start, int limit) {
        int end = limit <= 0 ? items.length : Math.min(items.length, start + limit);
        StringBuilder meta = new StringBuilder("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"")
                .append(BASE_RESOURCE_VERSION).append('"');
        if (end < items.length) {
            meta.append(",\"continue\":\"").append(end).append("\",\"remainingItemCount\":").append(items.length - end);
        }
        meta.append("},\"items\":[");
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + (end - start) * 2600);
        out.writeBytes(meta.toString().getBytes(StandardCharsets.UTF_8));
        for (int i = start; i < end; i++) {
            if (i > start) {
                out.write(',');
            }
            out.writeBytes(items[i]);
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** One watch-event line for {@code objectJson}, newline-terminated as the API server frames them. */
    public static byte[] eventLine(String type, byte[] objectJson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(objectJson.length + 32);
        out.writeBytes(("{\"type\":\"" + type + "\",\"object\":").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(objectJson);
        out.writeBytes("}\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Serializes {@code pod} with a default ObjectMapper (fabric8's annotations decide what is written). */
    public static byte[] json(Pod pod) {
        try {
            return MAPPER.writeValueAsBytes(pod);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render pod " + pod.getMetadata().getName(), e);
        }
    }
}
