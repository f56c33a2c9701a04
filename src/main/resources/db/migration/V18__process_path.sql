-- The way each process of each case went, step by step: an append-only log beside case_process, which keeps only
-- where each track stands now. Written by the ledger (engine.CaseProcessLedger) in the transaction of the change it
-- records; read to draw a case's path on its diagram (docs/processes.md, "The path on the diagram"). Gateways,
-- events and sequence flows are passed without a job and are not recorded: the diagram infers them from the model.
create table case_process_step (
    id           bigserial    primary key,
    case_id      bigint       not null references imr_case (id),
    track        varchar(64)  not null,
    process_id   varchar(100) not null,
    element_id   varchar(100),                 -- null for STARTED
    event        varchar(16)  not null check (event in ('STARTED', 'ENTERED', 'COMPLETED', 'MESSAGE', 'LEFT')),
    occurred_at  timestamptz  not null default now(),
    actor        varchar(64)                   -- who completed the step: a user, or 'system' for a worker
);
create index case_process_step_case_idx on case_process_step (case_id, track, id);
