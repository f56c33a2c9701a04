package org.imrflow.engine;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Starts a case's processes once what they are about is committed to PostgreSQL, through the outbox
 * ({@link EngineCommands}): the creation is written in the caller's transaction and sent until the engine confirms it.
 */
@Component
public class CaseProcessStarter {

    private final CaseProcessLedger ledger;
    private final EngineCommands commands;

    CaseProcessStarter(CaseProcessLedger ledger, EngineCommands commands) {
        this.ledger = ledger;
        this.commands = commands;
    }

    /** Starts the case's own process ({@code imr-case}) after commit. */
    public void startAfterCommit(CaseRef ref) {
        startAfterCommit(ref, CaseProcess.CASE_TRACK, CaseProcess.PROCESS_ID, Map.of());
    }

    /**
     * Records a process of the case on {@code track} in the ledger (in the caller's transaction) and starts it
     * after commit, from its start event, with the given variables plus {@code caseNumber} and {@code track}.
     * A track that ran before is started anew.
     */
    public void startAfterCommit(CaseRef ref, String track, String processId, Map<String, Object> variables) {
        Map<String, Object> all = withCase(ref, track, variables);
        ledger.register(ref, track, processId, all);
        commands.create(ref, track, processId, all, null);
    }

    /**
     * Records a process of the case on {@code track} standing before {@code elementId} and starts it there after
     * commit: a track that ended is taken up again at that element (a panel reviewer's review, returned).
     */
    public void startBeforeAfterCommit(CaseRef ref, String track, String processId, Map<String, Object> variables,
                                       String elementId) {
        Map<String, Object> all = withCase(ref, track, variables);
        ledger.register(ref, track, processId, all);
        ledger.movedBefore(ref, track, elementId);
        commands.create(ref, track, processId, all, elementId);
    }

    private static Map<String, Object> withCase(CaseRef ref, String track, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put(CaseProcess.CASE_NUMBER, ref.caseNumber());
        all.put(CaseProcess.TRACK, track);
        return all;
    }
}
