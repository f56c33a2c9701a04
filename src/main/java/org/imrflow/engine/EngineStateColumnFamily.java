package org.imrflow.engine;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.KeyValuePairVisitor;
import io.camunda.zeebe.db.ZeebeDbInconsistentException;
import io.camunda.zeebe.protocol.ColumnFamilyScope;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One column family of {@link EngineStateStore}, read and written in its context's transaction. The key and value
 * instances are reused for every read, as the engine expects; they wrap the stored bytes, which are never changed.
 */
final class EngineStateColumnFamily<K extends DbKey, V extends DbValue> implements ColumnFamily<K, V> {

    private final ZbColumnFamilies columnFamily;
    private final EngineStateTransactions context;
    private final K keyInstance;
    private final V valueInstance;

    EngineStateColumnFamily(ZbColumnFamilies columnFamily, EngineStateTransactions context, K keyInstance,
                            V valueInstance) {
        this.columnFamily = columnFamily;
        this.context = context;
        this.keyInstance = keyInstance;
        this.valueInstance = valueInstance;
    }

    @Override
    public ColumnFamilyScope partitionScope() {
        return columnFamily.partitionScope();
    }

    @Override
    public void insert(K key, V value) {
        context.runInTransaction(() -> {
            byte[] stored = key(key);
            if (context.get(stored) != null) {
                throw new ZeebeDbInconsistentException(
                        "Key " + key + " in ColumnFamily " + columnFamily + " already exists");
            }
            context.put(stored, EngineStateStore.storedValue(value));
        });
    }

    @Override
    public void update(K key, V value) {
        context.runInTransaction(() -> {
            byte[] stored = key(key);
            if (context.get(stored) == null) {
                throw new ZeebeDbInconsistentException(
                        "Key " + key + " in ColumnFamily " + columnFamily + " does not exist");
            }
            context.put(stored, EngineStateStore.storedValue(value));
        });
    }

    @Override
    public void upsert(K key, V value) {
        context.runInTransaction(() -> context.put(key(key), EngineStateStore.storedValue(value)));
    }

    @Override
    public V get(K key) {
        byte[] value = read(key);
        if (value == null) {
            return null;
        }
        valueInstance.wrap(new UnsafeBuffer(value), 0, value.length);
        return valueInstance;
    }

    @Override
    public V get(K key, Supplier<V> newValue) {
        byte[] value = read(key);
        if (value == null) {
            return null;
        }
        V instance = newValue.get();
        instance.wrap(new UnsafeBuffer(value), 0, value.length);
        return instance;
    }

    @Override
    public boolean exists(K key) {
        return read(key) != null;
    }

    @Override
    public void deleteExisting(K key) {
        context.runInTransaction(() -> {
            byte[] stored = key(key);
            if (context.get(stored) == null) {
                throw new ZeebeDbInconsistentException(
                        "Key " + key + " in ColumnFamily " + columnFamily + " does not exist");
            }
            context.delete(stored);
        });
    }

    @Override
    public void deleteIfExists(K key) {
        context.runInTransaction(() -> context.delete(key(key)));
    }

    @Override
    public void forEach(Consumer<V> consumer) {
        forEach((key, value) -> consumer.accept(value));
    }

    @Override
    public void forEach(BiConsumer<K, V> consumer) {
        whileEqualPrefix(EngineStateStore.EmptyKey.INSTANCE, consumer);
    }

    @Override
    public void whileTrue(K startAt, KeyValuePairVisitor<K, V> visitor) {
        visit(startAt, EngineStateStore.EmptyKey.INSTANCE, visitor);
    }

    @Override
    public void whileTrue(KeyValuePairVisitor<K, V> visitor) {
        visit(null, EngineStateStore.EmptyKey.INSTANCE, visitor);
    }

    @Override
    public void whileEqualPrefix(DbKey prefix, BiConsumer<K, V> consumer) {
        visit(null, prefix, (key, value) -> {
            consumer.accept(key, value);
            return true;
        });
    }

    @Override
    public void whileEqualPrefix(DbKey prefix, KeyValuePairVisitor<K, V> visitor) {
        visit(null, prefix, visitor);
    }

    @Override
    public void whileEqualPrefix(DbKey prefix, K startAt, KeyValuePairVisitor<K, V> visitor) {
        visit(startAt, prefix, visitor);
    }

    @Override
    public boolean isEmpty() {
        boolean[] empty = {true};
        context.runInTransaction(() -> empty[0] = !entries(null, EngineStateStore.EmptyKey.INSTANCE).hasNext());
        return empty[0];
    }

    @Override
    public long count() {
        return countEqualPrefix(EngineStateStore.EmptyKey.INSTANCE);
    }

    @Override
    public long countEqualPrefix(DbKey prefix) {
        long[] count = {0};
        context.runInTransaction(() -> entries(null, prefix).forEachRemaining(entry -> count[0]++));
        return count[0];
    }

    /**
     * Visits the entries from {@code startAt} (or the prefix's first) while their keys start with {@code prefix}
     * and the visitor asks for more: as RocksDB does, the first key without the prefix ends the visit.
     */
    private void visit(DbKey startAt, DbKey prefix, KeyValuePairVisitor<K, V> visitor) {
        context.runInTransaction(() -> {
            Iterator<Map.Entry<byte[], byte[]>> entries = entries(startAt, prefix);
            while (entries.hasNext()) {
                Map.Entry<byte[], byte[]> entry = entries.next();
                byte[] key = entry.getKey();
                byte[] value = entry.getValue();
                keyInstance.wrap(new UnsafeBuffer(key), EngineStateStore.COLUMN_FAMILY_BYTES,
                        key.length - EngineStateStore.COLUMN_FAMILY_BYTES);
                valueInstance.wrap(new UnsafeBuffer(value), 0, value.length);
                if (!visitor.visit(keyInstance, valueInstance)) {
                    return;
                }
            }
        });
    }

    /** The entries from {@code startAt} (or the prefix's first) while their keys start with {@code prefix}. */
    private Iterator<Map.Entry<byte[], byte[]>> entries(DbKey startAt, DbKey prefix) {
        byte[] storedPrefix = key(prefix);
        return context.range(startAt == null ? storedPrefix : key(startAt), storedPrefix);
    }

    private byte[] read(K key) {
        byte[][] value = {null};
        context.runInTransaction(() -> value[0] = context.get(key(key)));
        return value[0];
    }

    private byte[] key(DbKey key) {
        return EngineStateStore.storedKey(columnFamily, key);
    }
}
