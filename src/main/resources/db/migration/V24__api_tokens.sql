-- Personal API tokens (README, "API tokens"; docs/configuration.md, "API tokens"): a user's bearer credentials for
-- /api/**, beside HTTP Basic, checked by one lookup of the secret's SHA-256 instead of a bcrypt check. The secret
-- itself is never stored. A token acts with the roles it was issued for that its user still has; it stops working
-- when it expires, is revoked, its user is deactivated or the user's password is set anew after it was issued.
-- A token is never deleted: revoked and expired ones stay, as the audit log names them by id. The application's role
-- inserts and reads them and may change only when one was last used and its revocation (afterMigrate.sql).
create table api_token (
    id            bigserial    primary key,
    username      varchar(64)  not null references app_user (username),
    name          varchar(100) not null,                 -- the user's name for it ("nightly export")
    token_hash    bytea        not null unique check (octet_length(token_hash) = 32), -- SHA-256 of the secret
    roles         varchar(200) not null,                 -- comma-separated, a subset of the user's at issue
    created_at    timestamptz  not null default now(),
    expires_at    timestamptz  not null,
    revoked_at    timestamptz,
    revoked_by    varchar(64),
    last_used_at  timestamptz,                           -- written at most once a minute
    check ((revoked_at is null) = (revoked_by is null))
);
create index api_token_user_idx on api_token (username, id);
