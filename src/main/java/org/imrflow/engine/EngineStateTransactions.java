package org.imrflow.engine;

import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.TransactionOperation;
import io.camunda.zeebe.db.ZeebeDbTransaction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentNavigableMap;

/**
 * One transaction context of {@link EngineStateStore}: a transaction at a time, whose writes are kept apart until
 * it commits. Reads see the transaction's own writes over the committed state. An operation run outside an open
 * transaction gets one of its own, committed after it, as RocksDB's transaction context does.
 */
final class EngineStateTransactions implements TransactionContext {

    /** A key the open transaction deleted. Compared by identity. */
    private static final byte[] DELETED = new byte[0];

    private final ConcurrentNavigableMap<byte[], byte[]> committed;
    private final Transaction transaction = new Transaction();

    EngineStateTransactions(ConcurrentNavigableMap<byte[], byte[]> committed) {
        this.committed = committed;
    }

    @Override
    public void runInTransaction(TransactionOperation operation) {
        try {
            if (transaction.open) {
                operation.run();
            } else {
                transaction.begin();
                try {
                    operation.run();
                    transaction.commit();
                } catch (Exception | Error e) {
                    transaction.rollback();
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException("Unexpected error occurred during zeebe db transaction operation.", e);
        }
    }

    @Override
    public ZeebeDbTransaction getCurrentTransaction() {
        if (!transaction.open) {
            transaction.begin();
        }
        return transaction;
    }

    byte[] get(byte[] key) {
        byte[] written = transaction.writes.get(key);
        if (written != null) {
            return written == DELETED ? null : written;
        }
        return committed.get(key);
    }

    void put(byte[] key, byte[] value) {
        transaction.writes.put(key, value);
    }

    void delete(byte[] key) {
        transaction.writes.put(key, DELETED);
    }

    /**
     * The entries from {@code from} on, while their keys start with {@code prefix}, in key order: the committed
     * state read lazily, merged with what this transaction wrote in that range when the iteration began.
     */
    Iterator<Map.Entry<byte[], byte[]>> range(byte[] from, byte[] prefix) {
        List<Map.Entry<byte[], byte[]>> written = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> entry : transaction.writes.tailMap(from, true).entrySet()) {
            if (!EngineStateStore.startsWith(entry.getKey(), prefix)) {
                break;
            }
            written.add(Map.entry(entry.getKey(), entry.getValue()));
        }
        return new Merged(committed.tailMap(from, true).entrySet().iterator(), written.iterator(), prefix);
    }

    private final class Transaction implements ZeebeDbTransaction {

        private final NavigableMap<byte[], byte[]> writes = new TreeMap<>(EngineStateStore.KEY_ORDER);
        private boolean open;

        void begin() {
            writes.clear();
            open = true;
        }

        @Override
        public void run(TransactionOperation operation) throws Exception {
            operation.run();
        }

        @Override
        public void commit() {
            for (Map.Entry<byte[], byte[]> write : writes.entrySet()) {
                if (write.getValue() == DELETED) {
                    committed.remove(write.getKey());
                } else {
                    committed.put(write.getKey(), write.getValue());
                }
            }
            writes.clear();
            open = false;
        }

        @Override
        public void rollback() {
            writes.clear();
            open = false;
        }
    }

    /** Two sorted iterations as one; on equal keys the transaction's write wins, and a deletion hides the key. */
    private static final class Merged implements Iterator<Map.Entry<byte[], byte[]>> {

        private final Iterator<Map.Entry<byte[], byte[]>> committed;
        private final Iterator<Map.Entry<byte[], byte[]>> written;
        private final byte[] prefix;
        private Map.Entry<byte[], byte[]> nextCommitted;
        private Map.Entry<byte[], byte[]> nextWritten;
        private Map.Entry<byte[], byte[]> next;

        Merged(Iterator<Map.Entry<byte[], byte[]>> committed, Iterator<Map.Entry<byte[], byte[]>> written,
               byte[] prefix) {
            this.committed = committed;
            this.written = written;
            this.prefix = prefix;
            nextCommitted = advanceCommitted();
            nextWritten = written.hasNext() ? written.next() : null;
            next = advance();
        }

        private Map.Entry<byte[], byte[]> advanceCommitted() {
            if (!committed.hasNext()) {
                return null;
            }
            Map.Entry<byte[], byte[]> entry = committed.next();
            return EngineStateStore.startsWith(entry.getKey(), prefix) ? entry : null;
        }

        private Map.Entry<byte[], byte[]> advance() {
            while (nextCommitted != null || nextWritten != null) {
                Map.Entry<byte[], byte[]> candidate;
                if (nextWritten == null) {
                    candidate = nextCommitted;
                    nextCommitted = advanceCommitted();
                } else if (nextCommitted == null) {
                    candidate = nextWritten;
                    nextWritten = written.hasNext() ? written.next() : null;
                } else {
                    int order = EngineStateStore.KEY_ORDER.compare(nextCommitted.getKey(), nextWritten.getKey());
                    if (order < 0) {
                        candidate = nextCommitted;
                        nextCommitted = advanceCommitted();
                    } else {
                        if (order == 0) {
                            nextCommitted = advanceCommitted();
                        }
                        candidate = nextWritten;
                        nextWritten = written.hasNext() ? written.next() : null;
                    }
                }
                if (candidate.getValue() != DELETED) {
                    return candidate;
                }
            }
            return null;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Map.Entry<byte[], byte[]> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Map.Entry<byte[], byte[]> current = next;
            next = advance();
            return current;
        }
    }
}
