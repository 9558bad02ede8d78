package io.zerostore.common.pipeline;

import java.util.Set;

/**
 * Makes a {@link Filter} from its configuration. Built-in filters are registered by the server;
 * plug-ins (the ZeroCloud job feature) are found with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/io.zerostore.common.pipeline.FilterFactory}, so servers never
 * reference them by class and still work when the plug-in's jar is absent.
 */
public interface FilterFactory {
    /** The name used in a {@code pipeline = ...} setting and as the config section {@code [filter:name]}. */
    String name();

    /** The servers this filter can join. */
    Set<ServerRole> roles();

    Filter create(FilterContext context) throws Exception;
}
