package io.kreactor.benchmarks.clients;

import com.google.gson.reflect.TypeToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.time.Duration;

/**
 * The official {@code io.kubernetes:client-java} (OkHttp + Gson, models {@code V1Pod}) built with
 * {@link ClientBuilder} for the server URL; the read timeout is lifted to zero for watches, as its docs advise.
 */
public final class OfficialPodClient implements PodClient {

    private final ApiClient api;
    private final CoreV1Api core;

    /** A client for {@code serverUrl}. */
    public OfficialPodClient(String serverUrl) {
        this.api = new ClientBuilder().setBasePath(serverUrl).setVerifyingSsl(false)
                .setReadTimeout(Duration.ZERO).build();
        this.core = new CoreV1Api(api);
    }

    /** The underlying client, for the informer and many-watches workloads. */
    public ApiClient api() {
        return api;
    }

    @Override
    public String name() {
        return "client-java";
    }

    @Override
    public Decoded list(String namespace, int limit) throws Exception {
        Decoded.Counter counter = new Decoded.Counter();
        String token = null;
        do {
            CoreV1Api.APIlistNamespacedPodRequest request = core.listNamespacedPod(namespace);
            if (limit > 0) {
                request = request.limit(limit);
            }
            if (token != null) {
                request = request._continue(token);
            }
            V1PodList page = request.execute();
            for (V1Pod pod : page.getItems()) {
                counter.add(pod.getMetadata().getName(), pod.getMetadata().getResourceVersion());
            }
            token = page.getMetadata().getContinue();
        } while (token != null && !token.isEmpty());
        return counter.result();
    }

    @Override
    public Decoded watch(String namespace, int expected) throws IOException, io.kubernetes.client.openapi.ApiException {
        Decoded.Counter counter = new Decoded.Counter();
        try (Watch<V1Pod> watch = Watch.createWatch(api, core.listNamespacedPod(namespace).watch(true).buildCall(null),
                new TypeToken<Watch.Response<V1Pod>>() { }.getType())) {
            for (Watch.Response<V1Pod> event : watch) {
                counter.add(event.object.getMetadata().getName(), event.object.getMetadata().getResourceVersion());
                if (counter.count() == expected) {
                    break;
                }
            }
        }
        return counter.result();
    }

    @Override
    public void close() {
        api.getHttpClient().dispatcher().executorService().shutdown();
        api.getHttpClient().connectionPool().evictAll();
    }
}
