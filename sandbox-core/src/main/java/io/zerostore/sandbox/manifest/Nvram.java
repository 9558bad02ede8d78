package io.zerostore.sandbox.manifest;

import java.util.List;
import java.util.Map;

/**
 * ZRT's nvram configuration: argv ({@code [args]}), environment ({@code [env]}), image mounts
 * ({@code [fstab]}), how channels look to stat ({@code [mapping]}) and, optionally, the clock's
 * start ({@code [time]}). Parse with {@link NvramParser}.
 *
 * @param args argv including argv[0]; empty when the nvram has no {@code [args]}
 * @param env variables in file order
 * @param fstab image mounts in file order
 * @param mapping channel alias → mode ({@code file}, {@code char}, {@code pipe}, {@code block})
 * @param timeSeconds the clock's start in seconds since 1970, or null for the default epoch
 */
public record Nvram(
        List<String> args,
        Map<String, String> env,
        List<Mount> fstab,
        Map<String, String> mapping,
        Long timeSeconds) {

    public static final Nvram EMPTY = new Nvram(List.of(), Map.of(), List.of(), Map.of(), null);

    /** One {@code [fstab]} line: a tar image channel mounted at a directory. */
    public record Mount(String channel, String mountPoint, boolean readOnly, boolean removable) {
    }
}
