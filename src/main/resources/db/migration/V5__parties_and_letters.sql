-- The parties' addresses, the employee's representative, and the letters' template versions and deliveries.

-- intake ------------------------------------------------------------------------------------------
-- where the notices and letters of a case are mailed; the party's name is the case's (imr_case), except for the
-- representative, whom only this table names
create table case_party (
    case_id bigint       not null references imr_case (id),
    role    varchar(32)  not null,                    -- EMPLOYEE, REPRESENTATIVE, REQUESTING_PHYSICIAN, ...
    name    varchar(200),
    street  varchar(200),
    city    varchar(100),
    state   char(2),
    zip     varchar(10),
    primary key (case_id, role)
);

-- correspondence ----------------------------------------------------------------------------------
-- the wording a letter was rendered with, so that it can be rendered again exactly as issued
alter table letter add column template_version varchar(40);

-- the delivery log: each recipient of each letter, how and when it was sent and, where known, received
create table letter_delivery (
    id                bigserial    primary key,
    letter_id         bigint       not null references letter (id),
    case_id           bigint       not null references imr_case (id),
    recipient_role    varchar(32)  not null,
    recipient_name    varchar(200) not null,
    recipient_address varchar(500),
    method            varchar(16)  not null,       -- MAIL, ELECTRONIC
    sent_at           timestamptz  not null,
    received_on       date,
    received_recorded_by varchar(64),
    unique (letter_id, recipient_role)
);
create index letter_delivery_case_idx on letter_delivery (case_id);
