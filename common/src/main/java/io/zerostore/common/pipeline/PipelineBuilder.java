package io.zerostore.common.pipeline;

import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfException;
import io.zerostore.common.http.HttpHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Builds a {@link Pipeline} from a Swift-like {@code pipeline = a b c} list. Names come from the
 * server's built-in factories and from plug-ins on the class path. A name nobody provides is a
 * configuration error, unless it is listed as optional (the defaults list plug-ins that way, so a
 * distribution without the job module still starts as a plain object store).
 */
public final class PipelineBuilder {
    private final ServerRole role;
    private final Map<String, FilterFactory> factories = new LinkedHashMap<>();

    public PipelineBuilder(ServerRole role) {
        this.role = role;
        for (FilterFactory f : ServiceLoader.load(FilterFactory.class)) {
            if (f.roles().contains(role)) {
                factories.put(f.name(), f);
            }
        }
    }

    /** Registers a built-in filter (overrides a plug-in of the same name). */
    public PipelineBuilder builtin(FilterFactory factory) {
        factories.put(factory.name(), factory);
        return this;
    }

    public boolean provides(String name) {
        return factories.containsKey(name);
    }

    /**
     * @param names filter names in order; a trailing {@code ?} marks one as optional
     * @param conf  sections {@code [filter:<name>]} configure each filter
     */
    public Pipeline build(List<String> names, Conf conf, Services services, HttpHandler app) throws Exception {
        List<Filter> filters = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (String spec : names) {
            boolean optional = spec.endsWith("?");
            String name = optional ? spec.substring(0, spec.length() - 1) : spec;
            FilterFactory f = factories.get(name);
            if (f == null) {
                if (optional) {
                    continue;
                }
                throw new ConfException("pipeline of the " + role.name().toLowerCase()
                        + " server names unknown filter '" + name + "'; known: " + factories.keySet());
            }
            filters.add(f.create(new FilterContext(role, conf.section("filter:" + name), services)));
            used.add(name);
        }
        return new Pipeline(used, filters, app);
    }
}
