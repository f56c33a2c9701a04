-- Several application instances (docs/configuration.md, "Several instances").

-- Web sessions, shared by every instance: Spring Session's own PostgreSQL schema
-- (org/springframework/session/jdbc/schema-postgresql.sql, spring-session-jdbc 3.5), unchanged.
CREATE TABLE SPRING_SESSION (
	PRIMARY_ID CHAR(36) NOT NULL,
	SESSION_ID CHAR(36) NOT NULL,
	CREATION_TIME BIGINT NOT NULL,
	LAST_ACCESS_TIME BIGINT NOT NULL,
	MAX_INACTIVE_INTERVAL INT NOT NULL,
	EXPIRY_TIME BIGINT NOT NULL,
	PRINCIPAL_NAME VARCHAR(100),
	CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
	SESSION_PRIMARY_ID CHAR(36) NOT NULL,
	ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
	ATTRIBUTE_BYTES BYTEA NOT NULL,
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION(PRIMARY_ID) ON DELETE CASCADE
);

-- Scheduled work that runs once across instances: the instance that holds a name's lease until locked_until runs it.
create table scheduled_lock (
    name          varchar(64)  primary key,
    locked_until  timestamptz  not null,
    locked_at     timestamptz  not null,
    locked_by     varchar(200) not null
);

-- The outbox of commands to the engine: written in the transaction of the change they follow, sent after commit
-- and retried by the relay until the engine confirms them (docs/processes.md, "The outbox").
create table engine_command (
    id               bigserial    primary key,
    case_id          bigint       not null references imr_case (id),
    kind             varchar(16)  not null,        -- CREATE, PUBLISH, COMPLETE_JOB
    track            varchar(100),                 -- CREATE: the track whose process it starts
    payload          jsonb        not null,
    engine_lifetime  varchar(64)  not null,        -- the engine it is meant for; an embedded engine's rebuild supersedes it
    created_at       timestamptz  not null default now(),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    last_error       varchar(200),
    confirmed_at     timestamptz,                  -- the engine took it (or it was superseded)
    outcome          varchar(16)                   -- SENT, DUPLICATE, GONE, SUPERSEDED
);
create index engine_command_pending_idx on engine_command (next_attempt_at) where confirmed_at is null;
create index engine_command_case_idx on engine_command (case_id, id) where confirmed_at is null;

-- The process instance that does the work of a track: the one whose creation the engine confirmed, in the engine
-- lifetime it was created in. A job of any other instance of the track does nothing (docs/processes.md).
alter table case_process add column process_instance_key bigint;
alter table case_process add column engine_lifetime varchar(64);
