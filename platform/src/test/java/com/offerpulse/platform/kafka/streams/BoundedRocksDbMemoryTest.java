package com.offerpulse.platform.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void shouldGiveEveryStoreTheSameBoundedCacheAndChargeItsMemtablesToIt() {
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.CACHE_BYTES, 32L << 20,
                BoundedRocksDbMemory.MEMTABLE_BYTES, 8L << 20);
        try (Options a = new Options(); Options b = new Options()) {
            a.setTableFormatConfig(new BlockBasedTableConfig());
            b.setTableFormatConfig(new BlockBasedTableConfig());
            setter.setConfig("store-a", a, configs);
            setter.setConfig("store-b", b, configs);
            assertThat(a.writeBufferManager()).isNotNull().isSameAs(b.writeBufferManager());
            assertThat(((BlockBasedTableConfig) a.tableFormatConfig()).cacheIndexAndFilterBlocks()).isTrue();
            assertThat(a.maxWriteBufferNumber()).isEqualTo(2);
            // The first store fixed the JVM's budget; every later one shares it.
            assertThat(BoundedRocksDbMemory.cacheBytes()).isPositive();
            assertThat(BoundedRocksDbMemory.memtableBytes()).isLessThanOrEqualTo(BoundedRocksDbMemory.cacheBytes() / 2);
        }
    }

    @Test
    void shouldRefuseABudgetUnderOneMebibyte() {
        try (Options o = new Options()) {
            o.setTableFormatConfig(new BlockBasedTableConfig());
            assertThatThrownBy(() -> new BoundedRocksDbMemory().setConfig("s", o,
                    Map.of(BoundedRocksDbMemory.CACHE_BYTES, "1000"))).hasMessageContaining("at least 1 MiB");
        }
    }
}
