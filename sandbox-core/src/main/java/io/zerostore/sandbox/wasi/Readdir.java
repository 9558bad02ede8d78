package io.zerostore.sandbox.wasi;

import com.dylibso.chicory.runtime.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code fd_readdir}: lists a directory as WASI dirents ("." and ".." first, then the children in
 * name order). The cookie is the index of the next entry; a buffer that fills up is returned full,
 * the last entry possibly cut, as the WASI contract says.
 */
final class Readdir {
    private Readdir() {
    }

    static int readdir(WasiHost h, Memory m, int fd, int buf, int bufLen, long cookie, int usedPtr) {
        OpenFile f = h.fds.get(fd);
        if (f == null) {
            return Errno.BADF;
        }
        if (!(f.node instanceof FsNode.Dir dir)) {
            return Errno.NOTDIR;
        }
        if (cookie < 0 || bufLen < 0) {
            return Errno.INVAL;
        }
        List<Map.Entry<String, FsNode>> entries = new ArrayList<>(dir.children.size() + 2);
        entries.add(Map.entry(".", dir));
        entries.add(Map.entry("..", dir.parent));
        entries.addAll(dir.children.entrySet());
        long needed = 0; // never allocate more than the listing itself: bufLen is the program's
        for (long i = cookie; i < entries.size(); i++) {
            needed += WasiTypes.DIRENT_SIZE
                    + entries.get((int) i).getKey().getBytes(StandardCharsets.UTF_8).length;
        }
        ByteBuffer out = ByteBuffer.allocate((int) Math.min(bufLen, needed)).order(ByteOrder.LITTLE_ENDIAN);
        for (long i = cookie; i < entries.size() && out.hasRemaining(); i++) {
            Map.Entry<String, FsNode> e = entries.get((int) i);
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            ByteBuffer d = ByteBuffer.allocate(WasiTypes.DIRENT_SIZE + name.length)
                    .order(ByteOrder.LITTLE_ENDIAN);
            d.putLong(i + 1).putLong(e.getValue().ino).putInt(name.length)
                    .put((byte) e.getValue().filetype()).put(new byte[3]).put(name);
            d.flip();
            if (d.remaining() > out.remaining()) {
                d.limit(out.remaining());
            }
            out.put(d);
        }
        m.write(buf, out.array(), 0, out.position());
        m.writeI32(usedPtr, out.position());
        return Errno.SUCCESS;
    }
}
