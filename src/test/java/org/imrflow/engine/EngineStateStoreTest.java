package org.imrflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDbInconsistentException;
import io.camunda.zeebe.db.ZeebeDbTransaction;
import io.camunda.zeebe.db.impl.DbCompositeKey;
import io.camunda.zeebe.db.impl.DbLong;
import io.camunda.zeebe.db.impl.DbString;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded engine's state store keeps the contract the engine relies on, as RocksDB keeps it on a broker. */
class EngineStateStoreTest {

    private final EngineStateStore store = new EngineStateStore();
    private final TransactionContext context = store.createContext();
    private final Family family = new Family(ZbColumnFamilies.JOBS, context);

    /** A column family keyed by (group, number), holding text, with its reused key and value instances. */
    private final class Family {
        final DbLong group = new DbLong();
        final DbLong number = new DbLong();
        final DbCompositeKey<DbLong, DbLong> key = new DbCompositeKey<>(group, number);
        final DbString value = new DbString();
        final ColumnFamily<DbCompositeKey<DbLong, DbLong>, DbString> columnFamily;

        Family(ZbColumnFamilies name, TransactionContext context) {
            columnFamily = store.createColumnFamily(name, context, key, value);
        }

        DbCompositeKey<DbLong, DbLong> key(long group, long number) {
            this.group.wrapLong(group);
            this.number.wrapLong(number);
            return key;
        }

        void put(long group, long number, String text) {
            value.wrapString(text);
            columnFamily.upsert(key(group, number), value);
        }

        String get(long group, long number) {
            DbString found = columnFamily.get(key(group, number));
            return found == null ? null : found.toString();
        }

        /** "group/number=value" for each entry with the group as prefix, from the given number on. */
        List<String> group(long group, Long from) {
            List<String> seen = new ArrayList<>();
            DbLong prefix = new DbLong();
            prefix.wrapLong(group);
            DbCompositeKey<DbLong, DbLong> startAt = from == null ? null : new DbCompositeKey<>(prefix, longOf(from));
            columnFamily.whileEqualPrefix(prefix, startAt, (k, v) -> {
                seen.add(k.first().getValue() + "/" + k.second().getValue() + "=" + v);
                return true;
            });
            return seen;
        }
    }

    private static DbLong longOf(long value) {
        DbLong dbLong = new DbLong();
        dbLong.wrapLong(value);
        return dbLong;
    }

    @Test
    void aPrefixVisitSeesOnlyItsPrefixInKeyOrderAndStopsAfterIt() {
        family.put(2, 300, "c");
        family.put(1, 5, "x");
        family.put(2, 1, "a");
        family.put(2, 256, "b");
        family.put(3, 0, "y");
        Family other = new Family(ZbColumnFamilies.TIMERS, context);
        other.put(2, 2, "other family");

        assertThat(family.group(2, null)).containsExactly("2/1=a", "2/256=b", "2/300=c");
        assertThat(family.group(2, 256L)).containsExactly("2/256=b", "2/300=c");
        assertThat(family.group(4, null)).isEmpty();
        assertThat(family.columnFamily.count()).isEqualTo(5);
        assertThat(family.columnFamily.countEqualPrefix(longOf(2))).isEqualTo(3);
        assertThat(store.isEmpty(ZbColumnFamilies.TIMERS, context)).isFalse();
        assertThat(store.isEmpty(ZbColumnFamilies.INCIDENTS, context)).isTrue();
    }

    @Test
    void aVisitEndsWhenTheVisitorSaysSo() {
        for (long number = 1; number <= 5; number++) {
            family.put(1, number, "v" + number);
        }
        List<Long> seen = new ArrayList<>();
        family.columnFamily.whileTrue(family.key(1, 2), (k, v) -> {
            seen.add(k.second().getValue());
            return seen.size() < 2;
        });
        assertThat(seen).containsExactly(2L, 3L);
    }

    @Test
    void aTransactionsWritesAreItsOwnUntilItCommits() throws Exception {
        family.put(1, 1, "committed");
        TransactionContext otherContext = store.createContext();
        Family seenByOther = new Family(ZbColumnFamilies.JOBS, otherContext);

        ZeebeDbTransaction transaction = context.getCurrentTransaction();
        transaction.run(() -> {
            family.put(1, 2, "written");
            family.columnFamily.deleteExisting(family.key(1, 1));
        });
        assertThat(family.get(1, 1)).isNull();
        assertThat(family.group(1, null)).containsExactly("1/2=written");
        assertThat(seenByOther.group(1, null)).containsExactly("1/1=committed");

        transaction.commit();
        assertThat(seenByOther.group(1, null)).containsExactly("1/2=written");
    }

    @Test
    void aRolledBackTransactionLeavesNoTrace() throws Exception {
        family.put(1, 1, "committed");
        ZeebeDbTransaction transaction = context.getCurrentTransaction();
        transaction.run(() -> {
            family.put(1, 1, "overwritten");
            family.put(1, 2, "added");
        });
        transaction.rollback();
        assertThat(family.group(1, null)).containsExactly("1/1=committed");
    }

    @Test
    void entriesDeletedDuringAVisitDoNotDisturbIt() throws Exception {
        for (long number = 1; number <= 4; number++) {
            family.put(1, number, "v" + number);
        }
        ZeebeDbTransaction transaction = context.getCurrentTransaction();
        List<Long> visited = new ArrayList<>();
        transaction.run(() -> family.columnFamily.whileEqualPrefix(longOf(1), (k, v) -> {
            long number = k.second().getValue();
            visited.add(number);
            family.columnFamily.deleteExisting(new DbCompositeKey<>(longOf(1), longOf(number)));
        }));
        transaction.commit();
        assertThat(visited).containsExactly(1L, 2L, 3L, 4L);
        assertThat(family.columnFamily.isEmpty()).isTrue();
    }

    @Test
    void insertUpdateAndDeleteCheckWhatExists() {
        family.value.wrapString("v");
        family.columnFamily.insert(family.key(1, 1), family.value);

        assertThatThrownBy(() -> family.columnFamily.insert(family.key(1, 1), family.value))
                .isInstanceOf(ZeebeDbInconsistentException.class);
        assertThatThrownBy(() -> family.columnFamily.update(family.key(1, 2), family.value))
                .isInstanceOf(ZeebeDbInconsistentException.class);
        assertThatThrownBy(() -> family.columnFamily.deleteExisting(family.key(1, 2)))
                .isInstanceOf(ZeebeDbInconsistentException.class);
        family.columnFamily.deleteIfExists(family.key(1, 2));

        assertThat(family.columnFamily.exists(family.key(1, 1))).isTrue();
        assertThat(family.get(1, 1)).isEqualTo("v");
    }
}
