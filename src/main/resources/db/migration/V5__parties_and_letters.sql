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
