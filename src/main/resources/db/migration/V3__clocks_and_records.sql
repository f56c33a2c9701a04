-- Statutory clocks, the records stage, process tracks and module events.

-- engine ------------------------------------------------------------------------------------------
-- Spring Modulith's event publication registry: an event a listener has not yet handled survives a crash
create table event_publication (
    id               uuid        not null primary key,
    listener_id      text        not null,
    event_type       text        not null,
    serialized_event text        not null,
    publication_date timestamptz not null,
    completion_date  timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- a case has one process instance per track: the case itself ('case') and each running statutory clock
alter table case_process drop constraint case_process_pkey;
alter table case_process add column track varchar(64) not null default 'case';
alter table case_process add column process_id varchar(100) not null default 'imr-case';
alter table case_process add column message_name varchar(100);   -- the message an element in state DONE received
alter table case_process add column message_key varchar(100);    -- and its correlation key, replayed by a rebuild
alter table case_process add primary key (case_id, track);
alter table case_process alter column track drop default;
alter table case_process alter column process_id drop default;
create index case_process_number_idx on case_process (case_number);

alter table case_incident add column track varchar(64) not null default 'case';

-- tasks -------------------------------------------------------------------------------------------
alter table user_task add column track varchar(64) not null default 'case';
alter table user_task drop column due_at;                -- a task is due when its case's deadline is
drop index user_task_open_idx;
create unique index user_task_open_idx on user_task (case_id, track, element_id) where status = 'OPEN';
create index user_task_open_case_idx on user_task (case_id) where status = 'OPEN';

-- intake ------------------------------------------------------------------------------------------
alter table imr_case add column ur_service_method varchar(16) not null default 'MAIL';  -- MAIL, ELECTRONIC
alter table imr_case alter column ur_service_method drop default;
alter table imr_case add column imported boolean not null default false;                -- taken over with its number
alter table imr_case add column expedited_at timestamptz;                               -- converted to expedited (T11)
alter table imr_case add column expedited_certified_by varchar(200);                    -- the certifying physician
alter table imr_case add column expedited_certified_on date;
alter table imr_case drop column determination_due;                                     -- a clock now (deadlines)
drop index if exists imr_case_stage_idx;
create index imr_case_stage_idx on imr_case (stage);

alter table case_document add column source varchar(32) not null default 'EMPLOYEE';    -- CLAIMS_ADMINISTRATOR, EMPLOYEE, REQUESTING_PHYSICIAN, OTHER
alter table case_document add column received_date date;
update case_document d set received_date = c.received_date from imr_case c where c.id = d.case_id;
alter table case_document alter column received_date set not null;
alter table case_document add column with_application boolean not null default false;
update case_document set with_application = true;
alter table case_document alter column source drop default;

-- deadlines ---------------------------------------------------------------------------------------
create table case_clock (
    id                  bigserial    primary key,
    case_id             bigint       not null references imr_case (id),
    case_number         varchar(16)  not null,
    kind                varchar(40)  not null,       -- FILING, NOTICE_OF_ASSIGNMENT, RECORDS, DETERMINATION_FROM_ASSIGNMENT, ...
    rule                varchar(500) not null,       -- the rule as applied, in words, with its source
    trigger_event       varchar(200) not null,       -- what started the clock
    triggered_at        timestamptz  not null,
    unit                varchar(16)  not null,       -- CALENDAR_DAYS, BUSINESS_DAYS, HOURS
    amount              int          not null,
    due_at              timestamptz  not null,
    reminder_at         timestamptz,
    reminded_for        timestamptz,                 -- the reminder time a reminder was sent for
    status              varchar(16)  not null,       -- RUNNING, MET, MISSED
    met_at              timestamptz,
    missed_at           timestamptz,
    escalated_at        timestamptz,                 -- a coordinator's task was opened for the missed deadline
    escalation_handled_at timestamptz,
    unique (case_id, kind)
);
create index case_clock_running_idx on case_clock (status, due_at);

-- every change of a clock, append-only: its pause/extension log
create table case_clock_event (
    id             bigserial    primary key,
    clock_id       bigint       not null references case_clock (id),
    kind           varchar(32)  not null,            -- STARTED, REMINDED, MISSED, MET, EXTENDED, EXPEDITED, ESCALATION_HANDLED
    occurred_at    timestamptz  not null,
    due_before     timestamptz,
    due_after      timestamptz,
    days           int,                              -- an extension's days
    approved_by    varchar(200),                     -- an extension's approval by the Administrative Director
    approved_on    date,
    detail         varchar(2000) not null default '',
    actor          varchar(64)  not null
);
create index case_clock_event_clock_idx on case_clock_event (clock_id, id);

create function case_clock_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'case_clock_event is append-only';
end;
$$;
create trigger case_clock_event_no_update before update or delete on case_clock_event
    for each row execute function case_clock_event_is_append_only();

-- the simulated time of a simulation (imr.simulation.enabled): how far it runs ahead of real time
create table simulated_time (
    id        int    primary key check (id = 1),
    offset_ms bigint not null
);

-- records -----------------------------------------------------------------------------------------
create table record_request (
    case_id              bigint      primary key references imr_case (id),
    notice_sent_at       timestamptz not null,
    notice_delivery      varchar(16) not null,       -- MAIL, ELECTRONIC
    sent_before_import   boolean     not null default false,
    completed_at         timestamptz,                -- the record set was marked complete
    completed_by         varchar(64),
    penalty_referred_at  timestamptz,                -- records late: referred for the 8 CCR 9792.12(c)(6) penalty
    proceeded_at         timestamptz,                -- the review went on without complete records
    held_at              timestamptz                 -- nothing but the UR decision: held (T9)
);

-- review ------------------------------------------------------------------------------------------
-- documents that arrived after the reviewer accepted the case, until the reviewer submits again
create table late_document (
    document_id     bigint      primary key,
    case_id         bigint      not null references imr_case (id),
    flagged_at      timestamptz not null,
    acknowledged_at timestamptz
);
create index late_document_case_idx on late_document (case_id);
