-- imrflow foundation schema. PostgreSQL is the system of record; the engine only orchestrates.
-- Each block belongs to one module; modules never read each other's tables.

-- security ---------------------------------------------------------------------------------------
create table app_user (
    username      varchar(64)  primary key,
    password_hash varchar(200) not null,
    full_name     varchar(200) not null,
    roles         varchar(200) not null,          -- comma-separated: COORDINATOR, REVIEWER, ...
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);

-- intake ------------------------------------------------------------------------------------------
create sequence case_number_seq start with 1 minvalue 1 maxvalue 9999999 cycle;

create table imr_case (
    id                             bigserial    primary key,
    case_number                    varchar(16)  not null unique,
    stage                          varchar(32)  not null,
    review_type                    varchar(16)  not null,
    received_date                  date         not null,
    employee_first_name            varchar(100) not null,
    employee_last_name             varchar(100) not null,
    claim_number                   varchar(60)  not null,
    date_of_injury                 date         not null,
    employer_name                  varchar(200) not null,
    claims_administrator_name      varchar(200) not null,
    requesting_physician_name      varchar(200) not null,
    requesting_physician_specialty varchar(100) not null,
    ur_decision_date               date         not null,
    signed                         boolean,
    ur_decision_attached           boolean,
    conditional_non_certification  boolean,
    assigned_at                    timestamptz,
    determination_due              date,
    closed_at                      timestamptz,
    created_at                     timestamptz  not null default now(),
    created_by                     varchar(64)  not null
);
create index imr_case_stage_idx on imr_case (stage, determination_due);
create index imr_case_employee_idx on imr_case (lower(employee_last_name), lower(employee_first_name));

create table disputed_item (
    id                    bigserial     primary key,
    case_id               bigint        not null references imr_case (id),
    line_no               int           not null,
    description           varchar(1000) not null,
    quantity              numeric(10, 2),
    treatment_category    varchar(40)   not null,
    ca_guideline_citation varchar(4000) not null,
    unique (case_id, line_no)
);

create table case_document (
    id           bigserial    primary key,
    case_id      bigint       not null references imr_case (id),
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       char(64)     not null,
    content      bytea        not null,
    uploaded_at  timestamptz  not null default now(),
    uploaded_by  varchar(64)  not null
);
create index case_document_case_idx on case_document (case_id);

-- eligibility -------------------------------------------------------------------------------------
create table eligibility_screening (
    id          bigserial   primary key,
    case_id     bigint      not null references imr_case (id),
    outcome     varchar(16) not null,            -- ELIGIBLE, INELIGIBLE, INCOMPLETE
    reasons     text        not null default '', -- one reason per line
    screened_at timestamptz not null default now()
);
create index eligibility_screening_case_idx on eligibility_screening (case_id, screened_at);

-- assignment --------------------------------------------------------------------------------------
create table reviewer (
    id                  bigserial     primary key,
    username            varchar(64)   not null unique,
    full_name           varchar(200)  not null,
    license_states      varchar(500)  not null,  -- comma-separated, in the order the letter shows them
    specialties         varchar(500)  not null,  -- comma-separated board certifications / specialties
    active              boolean       not null default true,
    years_in_practice   int           not null,
    weekly_hours        int           not null
);

create table reviewer_affiliation (
    id          bigserial    primary key,
    reviewer_id bigint       not null references reviewer (id),
    party_name  varchar(200) not null,
    relation    varchar(200) not null
);

create table reviewer_assignment (
    id           bigserial   primary key,
    case_id      bigint      not null references imr_case (id),
    reviewer_id  bigint      not null references reviewer (id),
    status       varchar(16) not null,           -- OFFERED, ACCEPTED, DECLINED
    offered_at   timestamptz not null default now(),
    offered_by   varchar(64) not null,
    responded_at timestamptz,
    attestation  varchar(2000),
    decline_reason varchar(2000)
);
create unique index reviewer_assignment_current_idx on reviewer_assignment (case_id) where status in ('OFFERED', 'ACCEPTED');

-- review ------------------------------------------------------------------------------------------
create table clinical_review (
    case_id               bigint      primary key references imr_case (id),
    clinical_case_summary text        not null,
    submitted_at          timestamptz not null,
    submitted_by          varchar(64) not null,
    rounds                int         not null default 1
);

create table item_decision (
    disputed_item_id         bigint        primary key references disputed_item (id),
    case_id                  bigint        not null references imr_case (id),
    decision                 varchar(16),  -- UPHELD, OVERTURNED
    guideline_source         varchar(16),  -- MTUS, NON_MTUS
    guideline_citation       varchar(4000),
    mtus_inapplicable_reason varchar(40),
    decision_rationale       text,
    decided_at               timestamptz   not null,
    decided_by               varchar(64)   not null
);

create table review_return (
    id          bigserial   primary key,
    case_id     bigint      not null references imr_case (id),
    source      varchar(24) not null,            -- GUIDELINE_CHECK, QUALITY_REVIEW
    notes       text        not null,
    returned_by varchar(64) not null,
    created_at  timestamptz not null default now(),
    resolved_at timestamptz
);
create index review_return_case_idx on review_return (case_id);

create table quality_review (
    id          bigserial   primary key,
    case_id     bigint      not null references imr_case (id),
    outcome     varchar(16) not null,            -- APPROVED, RETURNED
    comments    text        not null default '',
    reviewed_by varchar(64) not null,
    reviewed_at timestamptz not null default now()
);

-- determination -----------------------------------------------------------------------------------
create table determination (
    case_id          bigint      primary key references imr_case (id),
    upheld_items     int         not null,
    overturned_items int         not null,
    issued_at        timestamptz not null
);

-- correspondence ----------------------------------------------------------------------------------
create table letter (
    id           bigserial    primary key,
    case_id      bigint       not null references imr_case (id),
    kind         varchar(40)  not null,          -- FINAL_DETERMINATION, INELIGIBILITY_NOTICE
    title        varchar(200) not null,
    text_content text         not null,
    pdf_content  bytea        not null,
    sha256       char(64)     not null,          -- of the PDF
    issued_at    timestamptz  not null default now(),
    unique (case_id, kind)
);

-- tasks -------------------------------------------------------------------------------------------
create table user_task (
    id               bigserial    primary key,
    case_id          bigint       not null references imr_case (id),
    case_number      varchar(16)  not null,
    element_id       varchar(100) not null,
    name             varchar(200) not null,
    form_key         varchar(100) not null,
    assignee         varchar(64),                -- set by the process model (for example the case's reviewer)
    candidate_groups varchar(500) not null default '',
    claimed_by       varchar(64),
    due_at           timestamptz,
    status           varchar(16)  not null,      -- OPEN, COMPLETED
    job_key          bigint       not null,      -- valid only within engine_lifetime
    engine_lifetime  varchar(64)  not null,
    variables        jsonb        not null default '{}',
    result           jsonb,
    created_at       timestamptz  not null default now(),
    completed_at     timestamptz,
    completed_by     varchar(64)
);
create unique index user_task_open_idx on user_task (case_id, element_id) where status = 'OPEN';

-- engine ------------------------------------------------------------------------------------------
-- where each case's process stands, so that the engine can be rebuilt from PostgreSQL
create table case_process (
    case_id        bigint       primary key references imr_case (id),
    case_number    varchar(16)  not null,
    element_id     varchar(100),                 -- the job element the case is at; null before the first one
    element_state  varchar(16)  not null,        -- STARTING, ACTIVE, DONE
    result         jsonb,                        -- the variables the element completed with (state DONE)
    variables      jsonb        not null default '{}',
    ended_at       timestamptz,
    updated_at     timestamptz  not null default now()
);

create table case_incident (
    id                  bigserial    primary key,
    case_id             bigint       not null references imr_case (id),
    element_id          varchar(100) not null,
    job_type            varchar(100) not null,
    message             varchar(2000) not null,
    process_instance_key bigint      not null,
    element_instance_key bigint      not null,
    engine_lifetime     varchar(64)  not null,
    created_at          timestamptz  not null default now(),
    resolved_at         timestamptz,
    resolved_by         varchar(64)
);
create index case_incident_case_idx on case_incident (case_id);

-- audit -------------------------------------------------------------------------------------------
create table audit_event (
    id          bigserial    primary key,
    occurred_at timestamptz  not null default now(),
    actor       varchar(64)  not null,
    action      varchar(60)  not null,
    case_number varchar(16),
    detail      varchar(2000) not null default '',
    remote_addr varchar(64)
);
create index audit_event_case_idx on audit_event (case_number, occurred_at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
