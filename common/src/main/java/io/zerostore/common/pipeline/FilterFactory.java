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

    /** Makes a filter from its context (a built-in filter's constructor call). */
    @FunctionalInterface
    interface Maker {
        Filter make(FilterContext context) throws Exception;
    }

    /** A factory from its parts: how servers declare their built-in filters without a class each. */
    static FilterFactory of(String name, Set<ServerRole> roles, Maker maker) {
        Set<ServerRole> joins = Set.copyOf(roles);
        return new FilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<ServerRole> roles() {
                return joins;
            }

            @Override
            public Filter create(FilterContext context) throws Exception {
                return maker.make(context);
            }
        };
    }
}
