package io.camunda.zeebe.process.test.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.logstreams.storage.LogStorage.AppendListener;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.scheduler.future.CompletableActorFuture;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

/** The embedded engine's log keeps what it must and forgets, past its limit, what the engine has processed. */
class CompactingLogStorageTest {

    private static final AppendListener NO_LISTENER = new AppendListener() {
    };

    /** Appends blocks of 10 positions each, 100 bytes each, starting at position 1; the first byte says which. */
    private static void appendBlocks(CompactingLogStorage log, int count) {
        for (int block = 0; block < count; block++) {
            ByteBuffer buffer = ByteBuffer.allocate(100);
            buffer.put(0, (byte) block);
            log.append(block * 10L + 1, block * 10L + 10, buffer, NO_LISTENER);
        }
    }

    private static List<Integer> read(LogStorageReader reader) {
        List<Integer> blocks = new ArrayList<>();
        while (reader.hasNext()) {
            DirectBuffer block = reader.next();
            blocks.add((int) block.getByte(0));
        }
        return blocks;
    }

    @Test
    void belowItsLimitItKeepsEverythingAndSeeksToTheBlockHoldingAPosition() {
        CompactingLogStorage log = new CompactingLogStorage(10_000, Runnable::run);
        log.compactUpTo(() -> CompletableActorFuture.completed(1_000L));
        appendBlocks(log, 5);

        LogStorageReader reader = log.newReader();
        assertThat(read(reader)).containsExactly(0, 1, 2, 3, 4);
        reader.seek(25);
        assertThat(read(reader)).containsExactly(2, 3, 4);
        reader.seek(31);
        assertThat(read(reader)).containsExactly(3, 4);
        assertThat(log.heldBytes()).isEqualTo(500);
    }

    @Test
    void aboveItsLimitItDropsTheOldestProcessedBlocksOnly() {
        // a limit of 250 bytes: past it, blocks are dropped until at most 188 bytes are held
        AtomicLong processed = new AtomicLong(30);
        CompactingLogStorage log = new CompactingLogStorage(250, Runnable::run);
        log.compactUpTo(() -> CompletableActorFuture.completed(processed.get()));
        LogStorageReader reader = log.newReader();

        appendBlocks(log, 6);

        // blocks 0 to 2 end at or before position 30; block 3 is not processed yet, and stays even above the limit
        assertThat(read(reader)).containsExactly(3, 4, 5);
        assertThat(log.heldBytes()).isEqualTo(300);
        assertThat(log.droppedBytes()).isEqualTo(300);

        processed.set(60);
        ByteBuffer buffer = ByteBuffer.allocate(100);
        buffer.put(0, (byte) 6);
        log.append(61, 70, buffer, NO_LISTENER);
        // down to three quarters of the limit: the next compaction waits until the log has grown again
        assertThat(log.heldBytes()).isEqualTo(100);
        reader.seek(0);
        assertThat(read(reader)).containsExactly(6);
    }

    @Test
    void withoutTheEnginesPositionNothingIsDropped() {
        CompactingLogStorage log = new CompactingLogStorage(100, Runnable::run);
        appendBlocks(log, 4);
        assertThat(read(log.newReader())).containsExactly(0, 1, 2, 3);
        assertThat(log.droppedBytes()).isZero();
    }
}
