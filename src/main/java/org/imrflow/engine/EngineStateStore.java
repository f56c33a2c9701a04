package org.imrflow.engine;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The embedded engine's state, in memory: one sorted map of every column family's keys, each key prefixed with its
 * column family, ordered as RocksDB orders them (bytes compared unsigned), so that the engine iterates as it does on
 * a broker.
 *
 * <p>It replaces the state store of {@code zeebe-process-test-engine}, whose every iteration by key prefix copied the
 * whole state into a new map and then scanned it to the end, whatever the prefix: the engine's every command grew
 * with the number of open processes, and the rebuild of the state at start-up with their square (see
 * {@code docs/performance.md}, "Start-up"). Here an iteration seeks to its first key, stops after the last key with
 * its prefix and copies only the keys its own transaction wrote there.
 *
 * <p>Each transaction context is used by one actor at a time, but the engine reads from more than one actor (its
 * scheduled tasks run on their own): the committed state is a concurrent map, and a reader sees each write as soon as
 * it is committed. Snapshots are not supported; the state is rebuilt from PostgreSQL ({@link EngineRebuild}).
 *
 * <p>Public for the tests' stand-alone engines and the engine reference bench, which run the same engine.
 */
public final class EngineStateStore implements ZeebeDb<ZbColumnFamilies> {

    /** RocksDB's default order: bytes compared as unsigned, a prefix before the keys it starts. */
    static final Comparator<byte[]> KEY_ORDER = Arrays::compareUnsigned;
    /** Bytes of the column family's number before each key. */
    static final int COLUMN_FAMILY_BYTES = Integer.BYTES;

    private final ConcurrentNavigableMap<byte[], byte[]> committed = new ConcurrentSkipListMap<>(KEY_ORDER);
    private final MeterRegistry meterRegistry = new SimpleMeterRegistry();

    public EngineStateStore() {
    }

    @Override
    public <K extends DbKey, V extends DbValue> ColumnFamily<K, V> createColumnFamily(
            ZbColumnFamilies columnFamily, TransactionContext context, K keyInstance, V valueInstance) {
        return new EngineStateColumnFamily<>(columnFamily, (EngineStateTransactions) context, keyInstance, valueInstance);
    }

    @Override
    public TransactionContext createContext() {
        return new EngineStateTransactions(committed);
    }

    @Override
    public boolean isEmpty(ZbColumnFamilies columnFamily, TransactionContext context) {
        return createColumnFamily(columnFamily, context, EmptyKey.INSTANCE, EmptyKey.INSTANCE).isEmpty();
    }

    /** Only a broker takes snapshots; the embedded engine's stream processor never asks for one. */
    @Override
    public void createSnapshot(File snapshotDir) {
        throw new UnsupportedOperationException("the embedded engine's state is rebuilt from PostgreSQL, not snapshotted");
    }

    @Override
    public Optional<String> getProperty(String propertyName) {
        return Optional.empty();
    }

    @Override
    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    @Override
    public void close() {
        committed.clear();
    }

    /** The stored form of a key: its column family's number, then the key's bytes. */
    static byte[] storedKey(ZbColumnFamilies columnFamily, DbKey key) {
        byte[] bytes = new byte[COLUMN_FAMILY_BYTES + key.getLength()];
        MutableDirectBuffer buffer = new UnsafeBuffer(bytes);
        buffer.putInt(0, columnFamily.ordinal(), ByteOrder.BIG_ENDIAN);
        key.write(buffer, COLUMN_FAMILY_BYTES);
        return bytes;
    }

    /** The stored form of a value: a copy of its bytes, never changed after. */
    static byte[] storedValue(DbValue value) {
        byte[] bytes = new byte[value.getLength()];
        value.write(new UnsafeBuffer(bytes), 0);
        return bytes;
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** A key and value of no bytes: the prefix of a whole column family. */
    enum EmptyKey implements DbKey, DbValue {
        INSTANCE;

        @Override
        public void wrap(org.agrona.DirectBuffer buffer, int offset, int length) {
        }

        @Override
        public int getLength() {
            return 0;
        }

        @Override
        public int write(MutableDirectBuffer buffer, int offset) {
            return 0;
        }
    }
}
