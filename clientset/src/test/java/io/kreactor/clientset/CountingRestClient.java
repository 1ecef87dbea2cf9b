package io.kreactor.clientset;

import io.kreactor.rest.Request;
import io.kreactor.rest.RestClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;

/** Wraps a {@link RestClient} and counts how many LIST responses were subscribed to (one per page fetched). */
final class CountingRestClient {

    private CountingRestClient() {
    }

    static RestClient wrap(RestClient rest, AtomicInteger lists) {
        return (RestClient) Proxy.newProxyInstance(RestClient.class.getClassLoader(), new Class<?>[] {RestClient.class},
                (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    Object result = call(rest, method, args);
                    return result instanceof Request r ? counting(r, lists) : result;
                });
    }

    private static Request counting(Request request, AtomicInteger lists) {
        return (Request) Proxy.newProxyInstance(Request.class.getClassLoader(), new Class<?>[] {Request.class},
                (proxy, method, args) -> {
                    Object result = call(request, method, args);
                    if (result == request) {
                        return proxy;
                    }
                    if (method.getName().equals("list")) {
                        return ((Flux<?>) result).doOnSubscribe(s -> lists.incrementAndGet());
                    }
                    return result;
                });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
