-- The pages on a year of data (issue 10, docs/performance.md "A year of data: pages"): indexes that fit what the
-- pages ask, and the case file's read model made so that a page of it reads only the cases it shows.

-- casefile ----------------------------------------------------------------------------------------
-- case_overview (V4, V6) grouped every clock of every case before joining a single one: each page of the case list
-- and the dashboard read the whole case_clock table. Now one join per clock kind (case_clock is unique by case and
-- kind), so a page reads the clocks of its own cases, an unsorted count reads imr_case alone, and a sort or filter
-- on one clock's due date is driven by case_clock_kind_due_idx. The columns and their meaning are those of V6: a
-- clock is open while met_at is null and its status is RUNNING or MISSED; the next clock is the open one other than
-- FILING due first (then the one written first).
drop view case_overview;
create view case_overview as
select c.id                   as case_id,
       c.case_number,
       c.stage,
       c.review_type,
       c.received_date,
       c.employee_first_name,
       c.employee_last_name,
       c.closed_at,
       f.due_at as filing_due_at, f.status as filing_status, f.met_at as filing_met_at,
       n.due_at as notice_due_at, n.status as notice_status, n.met_at as notice_met_at,
       r.due_at as records_due_at, r.status as records_status, r.met_at as records_met_at,
       a.due_at as determination_from_assignment_due_at, a.status as determination_from_assignment_status,
       a.met_at as determination_from_assignment_met_at,
       d.due_at as determination_from_records_due_at, d.status as determination_from_records_status,
       d.met_at as determination_from_records_met_at,
       least(case when n.met_at is null and n.status in ('RUNNING', 'MISSED') then n.due_at end,
             case when r.met_at is null and r.status in ('RUNNING', 'MISSED') then r.due_at end,
             case when a.met_at is null and a.status in ('RUNNING', 'MISSED') then a.due_at end,
             case when d.met_at is null and d.status in ('RUNNING', 'MISSED') then d.due_at end) as next_due_at,
       (select o.kind
        from (values (n.kind, n.due_at, n.id, n.met_at, n.status), (r.kind, r.due_at, r.id, r.met_at, r.status),
                     (a.kind, a.due_at, a.id, a.met_at, a.status), (d.kind, d.due_at, d.id, d.met_at, d.status))
             as o (kind, due_at, id, met_at, status)
        where o.id is not null and o.met_at is null and o.status in ('RUNNING', 'MISSED')
        order by o.due_at, o.id limit 1) as next_clock,
       least(case when a.met_at is null and a.status in ('RUNNING', 'MISSED') then a.due_at end,
             case when d.met_at is null and d.status in ('RUNNING', 'MISSED') then d.due_at end) as determination_due_at,
       -- as of the database's clock, for reports and psql; the application compares next_due_at with its own
       -- clock instead, which a simulation (imr.simulation.enabled) moves ahead of the database's
       coalesce(least(case when n.met_at is null and n.status in ('RUNNING', 'MISSED') then n.due_at end,
                      case when r.met_at is null and r.status in ('RUNNING', 'MISSED') then r.due_at end,
                      case when a.met_at is null and a.status in ('RUNNING', 'MISSED') then a.due_at end,
                      case when d.met_at is null and d.status in ('RUNNING', 'MISSED') then d.due_at end) < now(),
                false) as overdue
from imr_case c
left join case_clock f on f.case_id = c.id and f.kind = 'FILING'
left join case_clock n on n.case_id = c.id and n.kind = 'NOTICE_OF_ASSIGNMENT'
left join case_clock r on r.case_id = c.id and r.kind = 'RECORDS'
left join case_clock a on a.case_id = c.id and a.kind = 'DETERMINATION_FROM_ASSIGNMENT'
left join case_clock d on d.case_id = c.id and d.kind = 'DETERMINATION_FROM_RECORDS';

-- the cases with a deadline still to be met, a row per open clock other than FILING: the cases with a next_due_at
-- in case_overview, found through case_clock_open_idx without reading every case
create view case_open_deadline as
select case_id
from case_clock
where kind <> 'FILING' and met_at is null and status in ('RUNNING', 'MISSED');

-- deadlines ---------------------------------------------------------------------------------------
-- the open clocks: the dashboard's deadlines, and case_open_deadline
create index case_clock_open_idx on case_clock (case_id, due_at) where met_at is null and status in ('RUNNING', 'MISSED');
-- the case list sorted or filtered by one clock's due date
create index case_clock_kind_due_idx on case_clock (kind, due_at);

-- intake ------------------------------------------------------------------------------------------
-- the case list: search by case number prefix, newest received first, and the open cases of the dashboard
create index imr_case_number_upper_idx on imr_case (upper(case_number) text_pattern_ops);
create index imr_case_received_idx on imr_case (received_date, id);
create index imr_case_open_idx on imr_case (case_number) where closed_at is null;

-- search by worker name anywhere in the name: a trigram index, where PostgreSQL has pg_trgm (a trusted extension
-- since PostgreSQL 13: the tables' owner may create it in a database it owns, as imr_owner does in
-- deploy/postgres); without it the search reads every case, as before
do $$
begin
    if exists (select from pg_available_extensions where name = 'pg_trgm') then
        begin
            create extension if not exists pg_trgm;
        exception when insufficient_privilege then
            raise warning 'imrflow: pg_trgm could not be created (%): the search by worker name reads every case', sqlerrm;
        end;
    end if;
    if exists (select from pg_extension where extname = 'pg_trgm') then
        execute 'create index imr_case_employee_trgm_idx on imr_case using gin '
                '(lower(employee_first_name || '' '' || employee_last_name) gin_trgm_ops)';
    else
        raise warning 'imrflow: without pg_trgm the search by worker name reads every case';
    end if;
end;
$$;

-- assignment --------------------------------------------------------------------------------------
-- a reviewer's open work (offered or accepted): the reviewer's inbox and workload; decided assignments are most rows
create index reviewer_assignment_reviewer_open_idx on reviewer_assignment (reviewer_id, offered_at, id)
    where status in ('OFFERED', 'ACCEPTED');
-- every assignment of a case, whatever its status (the unique index of V15 holds only the open ones)
create index reviewer_assignment_case_idx on reviewer_assignment (case_id);

-- tasks -------------------------------------------------------------------------------------------
-- the tasks of a case, open and done (the case page; V3's index holds only the open ones)
create index user_task_case_idx on user_task (case_id, created_at, id);
-- the inbox: a user's open tasks, and the open tasks nobody works yet
create index user_task_open_assignee_idx on user_task (assignee) where status = 'OPEN';
create index user_task_open_claimed_idx on user_task (claimed_by) where status = 'OPEN';
create index user_task_open_unclaimed_idx on user_task (created_at, id)
    where status = 'OPEN' and assignee is null and claimed_by is null;

-- correspondence ----------------------------------------------------------------------------------
-- the letters of a case (V9's unique index holds all kinds but the requests for information)
create index letter_case_idx on letter (case_id);
