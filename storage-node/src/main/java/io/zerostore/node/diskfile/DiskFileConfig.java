package io.zerostore.node.diskfile;

import io.zerostore.common.config.ConfException;
import io.zerostore.common.config.ConfSection;
import java.nio.file.Path;

/**
 * Settings of the object files, with Swift's key names and defaults except where noted.
 *
 * @param devices          root holding one directory per device ({@code devices})
 * @param mountCheck       require each device to be a mount point ({@code mount_check}; Swift
 *                         defaults to true, we to false so that plain directories work out of the box)
 * @param reserveBytes     refuse writes that would leave less than this many bytes free
 *                         ({@code fallocate_reserve} given in bytes), or
 * @param reservePercent   ... less than this percentage of the file system ({@code fallocate_reserve = 1%})
 * @param reclaimAge       seconds after which a lone tombstone is removed ({@code reclaim_age})
 * @param keepCacheSize    a GET of an object larger than this drops it from the page cache
 *                         afterwards ({@code keep_cache_size}; Swift: 5 MiB, ours: no limit, see
 *                         {@link #KEEP_EVERYTHING})
 * @param bytesPerSync     during a long upload, fdatasync and drop the cache every this many
 *                         bytes so dirty pages do not pile up ({@code mb_per_sync}, in MiB)
 * @param directIoSize     uploads larger than this bypass the page cache: written with O_DIRECT
 *                         when the length is announced, dropped after the commit otherwise
 *                         ({@code direct_io_size}, ours; Swift drops every upload from the cache)
 */
public record DiskFileConfig(Path devices, boolean mountCheck, long reserveBytes, double reservePercent,
                             long reclaimAge, long keepCacheSize, long bytesPerSync, long directIoSize) {
    /**
     * Our default {@code keep_cache_size}: what clients read stays in the page cache, whatever its
     * size. Swift drops objects above 5 MiB after each GET (and, for requests with a token, all of
     * them) so that big objects cannot evict small hot ones; Linux's page cache no longer needs that
     * help: a page read once waits on the inactive list and is evicted before pages read again, so
     * one pass over a big object does not push out the hot set, while an object that is read
     * repeatedly is served from memory instead of from the disk every time. Uploads are a different
     * matter (most are not read back soon): those above {@code direct_io_size} never enter the cache.
     */
    public static final long KEEP_EVERYTHING = Long.MAX_VALUE;

    public static DiskFileConfig defaults(Path devices) {
        return new DiskFileConfig(devices, false, 0, 1.0, 604800, KEEP_EVERYTHING, 512L << 20, 5L << 20);
    }

    public static DiskFileConfig from(ConfSection s) {
        Path devices = Path.of(s.get("devices", "/srv/node"));
        String reserve = s.get("fallocate_reserve", "1%").strip();
        long reserveBytes = 0;
        double reservePercent = 0;
        try {
            if (reserve.endsWith("%")) {
                reservePercent = Double.parseDouble(reserve.substring(0, reserve.length() - 1).strip());
            } else {
                reserveBytes = Long.parseLong(reserve);
            }
        } catch (NumberFormatException e) {
            throw new ConfException("[" + s.name() + "] fallocate_reserve must be bytes or a percentage, not '"
                    + reserve + "'");
        }
        return new DiskFileConfig(devices, s.getBool("mount_check", false), reserveBytes, reservePercent,
                s.getLong("reclaim_age", 604800), s.getLong("keep_cache_size", KEEP_EVERYTHING),
                s.getLong("mb_per_sync", 512) << 20, s.getLong("direct_io_size", 5L << 20));
    }

    public DiskFileConfig withDevices(Path root) {
        return new DiskFileConfig(root, mountCheck, reserveBytes, reservePercent, reclaimAge, keepCacheSize,
                bytesPerSync, directIoSize);
    }

    public DiskFileConfig withReserve(long bytes, double percent) {
        return new DiskFileConfig(devices, mountCheck, bytes, percent, reclaimAge, keepCacheSize, bytesPerSync,
                directIoSize);
    }
}
