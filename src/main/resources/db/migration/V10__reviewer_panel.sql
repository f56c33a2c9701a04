-- The reviewer panel: each reviewer's licenses, specialties, sanctions, leave, capacity and typed affiliations
-- (issue 7; domain.md §4.3-4.4), replacing the comma-separated columns of V1.

-- assignment --------------------------------------------------------------------------------------
-- how many open cases a reviewer may hold at once
alter table reviewer add column capacity int not null default 10 check (capacity >= 0);
alter table reviewer add column updated_at timestamptz not null default now();
alter table reviewer add constraint reviewer_practice_known check (years_in_practice >= 0 and weekly_hours >= 0);

-- a license to practice, in the order the letters print the states; a reviewer is matched only with a license
-- that is ACTIVE and not expired on the assignment date
create table reviewer_license (
    id          bigserial   primary key,
    reviewer_id bigint      not null references reviewer (id),
    position    int         not null,
    state       varchar(40) not null,            -- by name, as letters print it: "California"
    number      varchar(40) not null,
    status      varchar(16) not null,            -- ACTIVE, INACTIVE, SUSPENDED, REVOKED, UNVERIFIED
    expires_on  date,                            -- null only while UNVERIFIED
    unique (reviewer_id, state),
    unique (reviewer_id, position),
    check (status = 'UNVERIFIED' or expires_on is not null)
);

-- board certifications and specialties, in the order the letters print them
create table reviewer_specialty (
    reviewer_id bigint       not null references reviewer (id),
    position    int          not null,
    specialty   varchar(100) not null,
    primary key (reviewer_id, position),
    unique (reviewer_id, specialty)
);

-- disciplinary actions or sanctions by a licensing board (domain.md §4.3 Q3): one in force excludes the reviewer
create table reviewer_sanction (
    id          bigserial     primary key,
    reviewer_id bigint        not null references reviewer (id),
    description varchar(1000) not null,
    imposed_on  date          not null,
    ends_on     date,                            -- null: in force until lifted
    check (ends_on is null or ends_on >= imposed_on)
);

-- absences: a reviewer on leave on the assignment date is not offered cases
create table reviewer_leave (
    id          bigserial    primary key,
    reviewer_id bigint       not null references reviewer (id),
    starts_on   date         not null,
    ends_on     date         not null,
    note        varchar(200),
    check (ends_on >= starts_on)
);

-- an affiliation's kind (domain.md §4.4): EMPLOYER, CLAIMS_ADMINISTRATOR, UTILIZATION_REVIEW_ORGANIZATION,
-- MEDICAL_GROUP, FACILITY, MANUFACTURER, FAMILY, OTHER
alter table reviewer_affiliation add column kind varchar(40) not null default 'OTHER';

-- the states and specialties of V1's columns become rows; their licenses' numbers and expiry were never recorded,
-- so they are UNVERIFIED until an administrator records them, and such a reviewer is not matched
insert into reviewer_license (reviewer_id, position, state, number, status)
select r.id, s.position, s.state, 'not recorded', 'UNVERIFIED'
from reviewer r,
     lateral (select trim(x) as state, ordinality as position
              from unnest(string_to_array(r.license_states, ',')) with ordinality as t(x, ordinality)
              where trim(x) <> '') s
on conflict do nothing;
insert into reviewer_specialty (reviewer_id, position, specialty)
select r.id, s.position, s.specialty
from reviewer r,
     lateral (select trim(x) as specialty, ordinality as position
              from unnest(string_to_array(r.specialties, ',')) with ordinality as t(x, ordinality)
              where trim(x) <> '') s
on conflict do nothing;
alter table reviewer drop column license_states;
alter table reviewer drop column specialties;

-- an assignment ends COMPLETED when its case is decided, RELEASED when the case closes otherwise (terminated), or
-- WITHDRAWN by a coordinator; only OFFERED and ACCEPTED ones are a reviewer's open work
alter table reviewer_assignment add column closed_at timestamptz;
alter table reviewer_assignment add column withdrawn_by varchar(64);
alter table reviewer_assignment add column withdrawal_reason varchar(2000);
update reviewer_assignment a set status = 'COMPLETED', closed_at = now()
where status = 'ACCEPTED' and exists (select 1 from determination d where d.case_id = a.case_id);
