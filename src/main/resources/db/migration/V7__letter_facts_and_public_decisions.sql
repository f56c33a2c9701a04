-- The facts each letter was rendered from, letters made immutable, and the public copies of the decisions.

-- correspondence ----------------------------------------------------------------------------------
-- the facts a Final Determination Letter was rendered from (JSON), so that it can be rendered again exactly as
-- issued, with its template_version, and its public copy made from it
alter table letter add column facts jsonb;

-- an issued letter is never changed nor removed: its SHA-256 vouches for it
create function letter_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'an issued letter is immutable';
end;
$$;
create trigger letter_no_update before update or delete on letter
    for each row execute function letter_is_immutable();

-- publication -------------------------------------------------------------------------------------
-- the redacted public copy of each decided case: prepared when the determination is issued, released by a
-- coordinator; the search fields are the DWC search tool's (domain.md §6.5)
create table public_decision (
    case_id          bigint        primary key references imr_case (id),
    case_number      varchar(16)   not null unique,
    prepared_at      timestamptz   not null,
    -- names a coordinator found in the narrative and had removed, one per line, besides the parties'
    extra_redactions varchar(4000) not null default '',
    released_at      timestamptz,
    released_by      varchar(64),
    letter_id        bigint        references letter (id),    -- the public copy as released
    decision_date    date          not null,
    date_of_injury   date,
    received_date    date,
    specialty        varchar(500)  not null,                   -- the reviewer's specialties, comma-separated
    outcome          varchar(20)   not null,                   -- UPHELD, OVERTURNED, PARTIALLY_OVERTURNED
    categories       varchar(500)  not null                    -- the items' treatment categories, comma-separated
);
create index public_decision_released_idx on public_decision (decision_date desc) where released_at is not null;
