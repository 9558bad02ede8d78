package io.zerostore.node.audit;

import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfSection;
import java.time.Duration;

/**
 * The {@code [object-auditor]} section (with {@code [DEFAULT]} underneath); Swift's key names and
 * defaults. Rates apply per device (each device is audited by its own thread); 0 means unlimited.
 *
 * @param interval       pause between passes ({@code interval}, 30 s); 0 runs no background passes
 *                       (ours: {@link ObjectAuditor#runOnce()} still works)
 * @param filesPerSecond files verified per second per device ({@code files_per_second}, 20)
 * @param bytesPerSecond bytes read per second per device ({@code bytes_per_second}, 10000000)
 */
public record AuditorConfig(Duration interval, double filesPerSecond, double bytesPerSecond) {
    public static final String SECTION = "object-auditor";

    public static AuditorConfig from(Conf conf) {
        ConfSection s = conf.section(SECTION);
        return new AuditorConfig(
                s.getSeconds("interval", Duration.ofSeconds(30)),
                s.getDouble("files_per_second", 20),
                s.getDouble("bytes_per_second", 10_000_000));
    }
}
