package io.zerostore.sandbox.wasi;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allow-list: every host function a program may import, with its exact WASI preview 1
 * signature. It is our "six syscalls": the calls that channels, the read-only file system,
 * args/env, the deterministic clock and random need. The validator rejects any other import
 * (other modules, {@code sock_*}, {@code proc_raise}, imported memories/tables/globals, or a
 * right name with a wrong signature).
 *
 * <p>{@link #REFUSING} calls are accepted so ordinary libc programs (Lua's {@code os.remove},
 * {@code mkdir}) load, but they grant nothing: on our read-only tree they answer EROFS/ENOTSUP,
 * or succeed as no-ops ({@code fd_sync}).
 */
public final class WasiImports {
    public static final String MODULE = "wasi_snapshot_preview1";

    private static final ValType I = ValType.I32;
    private static final ValType L = ValType.I64;

    private static final Map<String, FunctionType> CORE = new LinkedHashMap<>();
    private static final Map<String, FunctionType> REFUSING_MAP = new LinkedHashMap<>();

    static {
        core("args_get", I, I);
        core("args_sizes_get", I, I);
        core("environ_get", I, I);
        core("environ_sizes_get", I, I);
        core("clock_res_get", I, I);
        core("clock_time_get", I, L, I);
        core("fd_close", I);
        core("fd_fdstat_get", I, I);
        core("fd_fdstat_set_flags", I, I);
        core("fd_filestat_get", I, I);
        core("fd_pread", I, I, I, L, I);
        core("fd_prestat_get", I, I);
        core("fd_prestat_dir_name", I, I, I);
        core("fd_pwrite", I, I, I, L, I);
        core("fd_read", I, I, I, I);
        core("fd_readdir", I, I, I, L, I);
        core("fd_seek", I, L, I, I);
        core("fd_tell", I, I);
        core("fd_write", I, I, I, I);
        core("path_filestat_get", I, I, I, I, I);
        core("path_open", I, I, I, I, I, L, L, I, I);
        core("poll_oneoff", I, I, I, I);
        core("random_get", I, I);
        core("sched_yield");
        CORE.put("proc_exit", FunctionType.of(List.of(I), List.of()));

        refusing("fd_advise", I, L, L, I);
        refusing("fd_allocate", I, L, L);
        refusing("fd_datasync", I);
        refusing("fd_sync", I);
        refusing("fd_fdstat_set_rights", I, L, L);
        refusing("fd_filestat_set_size", I, L);
        refusing("fd_filestat_set_times", I, L, L, I);
        refusing("fd_renumber", I, I);
        refusing("path_create_directory", I, I, I);
        refusing("path_filestat_set_times", I, I, I, I, L, L, I);
        refusing("path_link", I, I, I, I, I, I, I);
        refusing("path_readlink", I, I, I, I, I, I);
        refusing("path_remove_directory", I, I, I);
        refusing("path_rename", I, I, I, I, I, I);
        refusing("path_symlink", I, I, I, I, I);
        refusing("path_unlink_file", I, I, I);
    }

    /** Calls that grant nothing on our tree but let ordinary programs load. */
    public static final Map<String, FunctionType> REFUSING = Collections.unmodifiableMap(REFUSING_MAP);

    private static void core(String name, ValType... params) {
        CORE.put(name, FunctionType.of(List.of(params), List.of(I)));
    }

    private static void refusing(String name, ValType... params) {
        REFUSING_MAP.put(name, FunctionType.of(List.of(params), List.of(I)));
    }

    private WasiImports() {
    }

    /** The signature of an allowed function, or null when {@code name} is not allowed. */
    public static FunctionType signature(String module, String name) {
        if (!MODULE.equals(module)) {
            return null;
        }
        FunctionType t = CORE.get(name);
        return t != null ? t : REFUSING_MAP.get(name);
    }

    private static final Map<String, FunctionType> ALL;

    static {
        Map<String, FunctionType> m = new LinkedHashMap<>(CORE);
        m.putAll(REFUSING_MAP);
        ALL = Collections.unmodifiableMap(m);
    }

    /** All allowed names with their signatures, core calls first. */
    public static Map<String, FunctionType> all() {
        return ALL;
    }
}
