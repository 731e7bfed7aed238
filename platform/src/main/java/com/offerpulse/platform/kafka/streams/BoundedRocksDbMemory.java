package com.offerpulse.platform.kafka.streams;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of the JVM, whichever Streams application owns it (the launcher
 * runs four): one block cache shared by all stores, which also holds index and filter blocks, and whose memtables are
 * charged to it through one {@link WriteBufferManager} (Kafka Streams' documented pattern for bounded memory). Without
 * it each store takes its own cache and memtables, so memory grows with the number of stores and partitions — a risk
 * under a container's limit. Sizes come from {@value #CACHE_BYTES} and {@value #MEMTABLE_BYTES} in the Streams
 * configuration ({@code LowLatencyStreamsConfig.withBoundedRocksDb}); the first store to open fixes them for the JVM.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    public static final String CACHE_BYTES = "offerpulse.rocksdb.cache-bytes";
    public static final String MEMTABLE_BYTES = "offerpulse.rocksdb.memtable-bytes";
    public static final long DEFAULT_CACHE_BYTES = 64L << 20;
    public static final long DEFAULT_MEMTABLE_BYTES = 16L << 20;
    /** Index and filter blocks get this share of the cache at high priority, so they are not evicted by data blocks. */
    private static final double HIGH_PRIORITY_RATIO = 0.1;
    private static final int MEMTABLES_PER_STORE = 2;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;
    private static long cacheBytes;
    private static long memtableBytes;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        init(bytes(configs, CACHE_BYTES, DEFAULT_CACHE_BYTES), bytes(configs, MEMTABLE_BYTES, DEFAULT_MEMTABLE_BYTES));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(sharedCache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(sharedWriteBuffers());
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        options.setWriteBufferSize(Math.max(1L << 20, memtableBytes() / 4));
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store of the JVM: never closed per store.
    }

    private static synchronized void init(long cacheSize, long memtableSize) {
        if (cache == null) {
            cacheBytes = cacheSize;
            memtableBytes = Math.min(memtableSize, cacheSize / 2);
            cache = new LRUCache(cacheBytes, -1, false, HIGH_PRIORITY_RATIO);
            writeBuffers = new WriteBufferManager(memtableBytes, cache);
        }
    }

    private static synchronized Cache sharedCache() {
        return cache;
    }

    private static synchronized WriteBufferManager sharedWriteBuffers() {
        return writeBuffers;
    }

    /** The cache size this JVM's stores share (0 before the first store opened). */
    public static synchronized long cacheBytes() {
        return cacheBytes;
    }

    static synchronized long memtableBytes() {
        return memtableBytes;
    }

    private static long bytes(Map<String, Object> configs, String key, long fallback) {
        Object v = configs.get(key);
        if (v == null) {
            return fallback;
        }
        long parsed = v instanceof Number n ? n.longValue() : Long.parseLong(v.toString().trim());
        if (parsed < (1L << 20)) {
            throw new IllegalArgumentException(key + " must be at least 1 MiB, got " + parsed);
        }
        return parsed;
    }
}
