package io.zerostore.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A bounded LRU cache of loaded programs keyed by ETag. Loading (decode, validate, compile) runs
 * outside the lock and only once per key even when many threads ask at the same time; a load that
 * throws is not cached.
 */
final class ProgramCache {
    private final int capacity;
    private final LinkedHashMap<String, FutureTask<Program>> map;
    private long hits;
    private long misses;

    ProgramCache(int capacity) {
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FutureTask<Program>> eldest) {
                return size() > ProgramCache.this.capacity;
            }
        };
    }

    Program get(String key, Supplier<Program> loader) {
        FutureTask<Program> task;
        boolean mine = false;
        synchronized (this) {
            task = map.get(key);
            if (task == null) {
                misses++;
                task = new FutureTask<>(loader::get);
                if (capacity > 0) {
                    map.put(key, task);
                }
                mine = true;
            } else {
                hits++;
            }
        }
        if (mine) {
            task.run();
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while loading a program", e);
        } catch (ExecutionException e) {
            synchronized (this) {
                map.remove(key, task);
            }
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new SandboxException("loading failed: " + c, c);
        }
    }

    synchronized int size() {
        return map.size();
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    synchronized void clear() {
        map.clear();
    }
}
