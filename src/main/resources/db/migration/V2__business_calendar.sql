-- deadlines ---------------------------------------------------------------------------------------
-- One-off days the offices are closed, such as a Governor's closure. State holidays are rules in the code
-- (deadlines.CaliforniaHolidays), never rows, so that no year runs out of them.
create table business_closure (
    closure_date date         primary key,
    name         varchar(200) not null,
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null default now()
);
