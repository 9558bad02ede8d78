package io.zerostore.common.pipeline;

import io.zerostore.common.config.ConfSection;
import java.util.Optional;

/**
 * What a filter gets when it is created: its role, its {@code [filter:name]} config section and
 * the server's {@link Services} (the ring, the backend client, the disk-file manager ...).
 */
public record FilterContext(ServerRole role, ConfSection section, Services services) {
    public <T> Optional<T> service(Class<T> type) {
        return services.find(type);
    }
}
