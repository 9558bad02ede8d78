package io.zerostore.common.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The typed services a server offers to its filters, looked up by interface. This is how a plug-in
 * reaches, say, the node's object files without the node knowing the plug-in.
 */
public final class Services {
    private final Map<Class<?>, Object> byType = new ConcurrentHashMap<>();

    public <T> Services register(Class<T> type, T instance) {
        byType.put(type, instance);
        return this;
    }

    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(type.cast(byType.get(type)));
    }

    public <T> T require(Class<T> type) {
        return find(type).orElseThrow(() -> new IllegalStateException("no service " + type.getName()));
    }
}
