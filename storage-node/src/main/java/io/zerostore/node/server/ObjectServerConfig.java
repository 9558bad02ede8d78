package io.zerostore.node.server;

import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfSection;
import io.zerostore.node.diskfile.DiskFileConfig;
import java.time.Duration;
import java.util.List;

/**
 * The {@code [object-server]} section (with {@code [DEFAULT]} underneath). Swift's key names and
 * defaults unless noted.
 *
 * @param bindIp                 {@code bind_ip} (0.0.0.0)
 * @param bindPort               {@code bind_port} (6200)
 * @param pipeline               {@code pipeline}: filters before the object app; a trailing {@code ?}
 *                               marks one optional (ours; default {@code healthcheck recon zerocloud?})
 * @param threadsPerDevice       disk threads per device ({@code threads_per_device}, ours: 8)
 * @param deviceQueueSize        requests queued per device before 503 ({@code device_queue_size}, ours: 256)
 * @param clientTimeout          a stalled upload is cut off with 408 ({@code client_timeout}, 60 s)
 * @param containerUpdateTimeout how long a PUT/DELETE waits for its container updates before
 *                               answering; they continue in the background ({@code container_update_timeout}, 1 s)
 * @param maxFileSize            largest object, 413 above ({@code max_file_size}, 5 GiB + 2)
 * @param sendWindow             bytes handed to sendfile at a time; the next window is read ahead on
 *                               the disk thread meanwhile ({@code send_window}, ours: 4 MiB)
 * @param sweepInterval          pause between async-pending sweeps ({@code interval} of Swift's
 *                               object-updater, 300 s there; ours {@code async_pending_interval}, 30 s)
 * @param disk                   settings of the object files
 */
public record ObjectServerConfig(String bindIp, int bindPort, List<String> pipeline, int threadsPerDevice,
                                 int deviceQueueSize, Duration clientTimeout,
                                 Duration containerUpdateTimeout, long maxFileSize,
                                 int sendWindow, Duration sweepInterval, DiskFileConfig disk) {
    public static final String SECTION = "object-server";

    public static ObjectServerConfig from(Conf conf) {
        ConfSection s = conf.section(SECTION);
        return new ObjectServerConfig(
                s.get("bind_ip", "0.0.0.0"),
                s.getInt("bind_port", 6200),
                s.getList("pipeline", "healthcheck recon zerocloud?"),
                s.getInt("threads_per_device", 8),
                s.getInt("device_queue_size", 256),
                s.getSeconds("client_timeout", Duration.ofSeconds(60)),
                s.getSeconds("container_update_timeout", Duration.ofSeconds(1)),
                s.getLong("max_file_size", 5L * 1024 * 1024 * 1024 + 2),
                s.getInt("send_window", 4 << 20),
                s.getSeconds("async_pending_interval", Duration.ofSeconds(30)),
                DiskFileConfig.from(s));
    }
}
