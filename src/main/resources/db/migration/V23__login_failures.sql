-- Failed sign-ins, shared by every application instance and kept across restarts (docs/configuration.md,
-- "Sign-in throttling"): a row per user (USER) and per address (ADDRESS) with its run of failures since first_at and
-- the end of the lock it earned; and per address the failures with unknown user names not yet reported (UNKNOWN,
-- failures only). Times are the database's, so the instances' clocks need not agree. The application's role reads
-- and writes it like any ordinary table (afterMigrate.sql).
create table login_failure (
    kind          varchar(8)   not null check (kind in ('USER', 'ADDRESS', 'UNKNOWN')),
    key           varchar(200) not null,       -- the user name or the address
    failures      integer      not null,
    first_at      timestamptz  not null,
    locked_until  timestamptz,
    primary key (kind, key)
);
