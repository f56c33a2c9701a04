package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.scheduler.future.ActorFuture;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The embedded engine's log, in memory, that forgets what the engine has processed once it holds more than a limit.
 *
 * <p>The library's log keeps every record for ever (about 290 KB for each case's way from intake to letter). A broker
 * compacts its log after a snapshot of the state; here the state is never snapshotted, because it is rebuilt from
 * PostgreSQL, so nothing the engine has processed is read again: when the log holds more than {@code retainedBytes},
 * the blocks whose every record lies at or before the engine's last processed position are dropped, oldest first,
 * down to three quarters of the limit. Below the limit it keeps everything, as the library's does (a test can read
 * the engine's records).
 *
 * <p>It extends the library's log only to be accepted where the engine's idle monitor expects that type; none of the
 * inherited storage is used.
 */
final class CompactingLogStorage extends InMemoryLogStorage {

    /** A block of records, as appended, with its highest position. */
    private record Block(ByteBuffer buffer, long highestPosition) {
    }

    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);

    private final ConcurrentNavigableMap<Long, Block> blocks = new ConcurrentSkipListMap<>();
    private final Set<CommitListener> commitListeners = new CopyOnWriteArraySet<>();
    private final AtomicLong addresses = new AtomicLong();
    private final AtomicLong heldBytes = new AtomicLong();
    private final AtomicBoolean compacting = new AtomicBoolean();
    private final AtomicLong droppedBytes = new AtomicLong();
    private final long retainedBytes;
    private final Executor compaction;
    private volatile Supplier<ActorFuture<Long>> processedPosition;

    /** {@code compaction} runs each compaction, off the engine's threads. */
    CompactingLogStorage(long retainedBytes, Executor compaction) {
        this.retainedBytes = retainedBytes;
        this.compaction = compaction;
    }

    /** Where the engine has processed up to; until it is given, nothing is dropped. */
    void compactUpTo(Supplier<ActorFuture<Long>> processedPosition) {
        this.processedPosition = processedPosition;
    }

    long heldBytes() {
        return heldBytes.get();
    }

    long droppedBytes() {
        return droppedBytes.get();
    }

    @Override
    public LogStorageReader newReader() {
        return new Reader();
    }

    @Override
    public void append(long lowestPosition, long highestPosition, BufferWriter bufferWriter, AppendListener listener) {
        ByteBuffer buffer = ByteBuffer.allocate(bufferWriter.getLength());
        bufferWriter.write(new UnsafeBuffer(buffer), 0);
        append(lowestPosition, highestPosition, buffer, listener);
    }

    @Override
    public void append(long lowestPosition, long highestPosition, ByteBuffer buffer, AppendListener listener) {
        blocks.put(lowestPosition, new Block(buffer, highestPosition));
        long address = addresses.incrementAndGet();
        listener.onWrite(address, highestPosition);
        listener.onCommit(address, highestPosition);
        commitListeners.forEach(CommitListener::onCommit);
        if (heldBytes.addAndGet(buffer.capacity()) > retainedBytes) {
            compact();
        }
    }

    /**
     * Asks the engine where it stands, and drops what lies before; one compaction at a time, on the compaction's
     * executor: the engine appends from its own actor, which may not ask itself (the call would fail the command).
     */
    private void compact() {
        Supplier<ActorFuture<Long>> position = processedPosition;
        if (position == null || !compacting.compareAndSet(false, true)) {
            return;
        }
        compaction.execute(() -> {
            try {
                dropUpTo(position.get().join(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (RuntimeException e) {
                // the engine is stopping or busy: the next append over the limit asks again
            } finally {
                compacting.set(false);
            }
        });
    }

    /**
     * Drops the oldest blocks whose records all lie at or before {@code position}, down to three quarters of the
     * limit: the log then grows by a quarter of it before the next compaction, not one per block appended.
     */
    void dropUpTo(long position) {
        long keep = retainedBytes - retainedBytes / 4;
        Iterator<Map.Entry<Long, Block>> oldest = blocks.entrySet().iterator();
        while (heldBytes.get() > keep && oldest.hasNext()) {
            Block block = oldest.next().getValue();
            if (block.highestPosition() > position) {
                return;
            }
            oldest.remove();
            heldBytes.addAndGet(-block.buffer().capacity());
            droppedBytes.addAndGet(block.buffer().capacity());
        }
    }

    @Override
    public void addCommitListener(CommitListener listener) {
        commitListeners.add(listener);
    }

    @Override
    public void removeCommitListener(CommitListener listener) {
        commitListeners.remove(listener);
    }

    /** Reads the blocks in order from where it was sought to; a block dropped meanwhile is passed over. */
    private final class Reader implements LogStorageReader {

        /** The lowest position of the next block to read: the first block at or after it. */
        private long next = Long.MIN_VALUE;

        @Override
        public void seek(long position) {
            Long containing = blocks.floorKey(position);
            next = containing == null ? Long.MIN_VALUE : containing;
        }

        @Override
        public boolean hasNext() {
            return blocks.ceilingKey(next) != null;
        }

        @Override
        public DirectBuffer next() {
            Map.Entry<Long, Block> entry = blocks.ceilingEntry(next);
            if (entry == null) {
                throw new NoSuchElementException();
            }
            next = entry.getKey() + 1;
            return new UnsafeBuffer(entry.getValue().buffer());
        }

        @Override
        public void close() {
        }
    }
}
