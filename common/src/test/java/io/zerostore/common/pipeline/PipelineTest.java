package io.zerostore.common.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineTest {
    private static FilterFactory recording(String name, List<String> log) {
        return FilterFactory.of(name, Set.of(ServerRole.PROXY), context -> {
            String tag = context.section().get("tag", name);
            return (ex, next) -> {
                log.add(tag);
                next.proceed(ex);
            };
        });
    }

    @Test
    void runsFiltersInConfiguredOrderThenTheApp() throws Exception {
        List<String> log = new ArrayList<>();
        Pipeline p = new PipelineBuilder(ServerRole.PROXY)
                .builtin(recording("a", log))
                .builtin(recording("b", log))
                .build(List.of("b", "a", "plugin-not-installed?"), Conf.parse("[filter:a]\ntag = A\n"),
                        new Services(), ex -> log.add("app"));
        p.handle(null);
        assertThat(log).containsExactly("b", "A", "app");
        assertThat(p.names()).containsExactly("b", "a");
    }

    @Test
    void unknownRequiredFilterIsAConfigError() {
        assertThatThrownBy(() -> new PipelineBuilder(ServerRole.PROXY)
                .build(List.of("nope"), Conf.empty(), new Services(), ex -> {}))
                .isInstanceOf(ConfException.class).hasMessageContaining("nope");
    }
}
