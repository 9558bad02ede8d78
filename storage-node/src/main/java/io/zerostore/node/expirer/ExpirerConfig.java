package io.zerostore.node.expirer;

import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfException;
import io.zerostore.common.config.ConfSection;
import java.time.Duration;

/**
 * The {@code [object-expirer]} section (with {@code [DEFAULT]} underneath); Swift's key names.
 *
 * @param interval    pause between passes ({@code interval}, 300 s as Swift; 0 runs no loop,
 *                    {@link ObjectExpirer#runOnce()} still works)
 * @param concurrency queue entries handled at the same time ({@code concurrency}, 4)
 */
public record ExpirerConfig(Duration interval, int concurrency) {
    public static final String SECTION = "object-expirer";

    public static ExpirerConfig from(Conf conf) {
        ConfSection s = conf.section(SECTION);
        ExpirerConfig c = new ExpirerConfig(s.getSeconds("interval", Duration.ofSeconds(300)), s.getInt("concurrency", 4));
        if (c.concurrency < 1 || c.interval.isNegative()) {
            throw new ConfException("[" + SECTION + "] concurrency must be at least 1, interval not negative");
        }
        return c;
    }
}
