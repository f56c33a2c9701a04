-- The case file's read model: one row per case with its statutory clocks side by side, for the case list and
-- the dashboard. The casefile module reads this view and nothing else of the other modules' tables; it never
-- writes through it. Modules still never write each other's tables: imr_case belongs to intake, case_clock to
-- deadlines, and each keeps its own columns' meaning (a clock is open while met_at is null and its status is
-- not MET; a missed clock met late keeps the status MISSED).

create view case_overview as
with clocks as (
    select case_id,
           max(due_at) filter (where kind = 'FILING')                        as filing_due_at,
           max(status) filter (where kind = 'FILING')                        as filing_status,
           max(met_at) filter (where kind = 'FILING')                        as filing_met_at,
           max(due_at) filter (where kind = 'NOTICE_OF_ASSIGNMENT')          as notice_due_at,
           max(status) filter (where kind = 'NOTICE_OF_ASSIGNMENT')          as notice_status,
           max(met_at) filter (where kind = 'NOTICE_OF_ASSIGNMENT')          as notice_met_at,
           max(due_at) filter (where kind = 'RECORDS')                       as records_due_at,
           max(status) filter (where kind = 'RECORDS')                       as records_status,
           max(met_at) filter (where kind = 'RECORDS')                       as records_met_at,
           max(due_at) filter (where kind = 'DETERMINATION_FROM_ASSIGNMENT') as determination_from_assignment_due_at,
           max(status) filter (where kind = 'DETERMINATION_FROM_ASSIGNMENT') as determination_from_assignment_status,
           max(met_at) filter (where kind = 'DETERMINATION_FROM_ASSIGNMENT') as determination_from_assignment_met_at,
           max(due_at) filter (where kind = 'DETERMINATION_FROM_RECORDS')    as determination_from_records_due_at,
           max(status) filter (where kind = 'DETERMINATION_FROM_RECORDS')    as determination_from_records_status,
           max(met_at) filter (where kind = 'DETERMINATION_FROM_RECORDS')    as determination_from_records_met_at,
           -- the earliest deadline still to be met; the filing window is judged at intake and is never open after it
           min(due_at) filter (where kind <> 'FILING' and met_at is null and status <> 'MET') as next_due_at,
           (array_agg(kind order by due_at, id)
                filter (where kind <> 'FILING' and met_at is null and status <> 'MET'))[1]   as next_clock,
           min(due_at) filter (where kind in ('DETERMINATION_FROM_ASSIGNMENT', 'DETERMINATION_FROM_RECORDS')
                                 and met_at is null and status <> 'MET')                    as determination_due_at
    from case_clock
    group by case_id
)
select c.id                   as case_id,
       c.case_number,
       c.stage,
       c.review_type,
       c.received_date,
       c.employee_first_name,
       c.employee_last_name,
       c.closed_at,
       k.filing_due_at, k.filing_status, k.filing_met_at,
       k.notice_due_at, k.notice_status, k.notice_met_at,
       k.records_due_at, k.records_status, k.records_met_at,
       k.determination_from_assignment_due_at, k.determination_from_assignment_status,
       k.determination_from_assignment_met_at,
       k.determination_from_records_due_at, k.determination_from_records_status,
       k.determination_from_records_met_at,
       k.next_due_at,
       k.next_clock,
       k.determination_due_at,
       -- as of the database's clock, for reports and psql; the application compares next_due_at with its own
       -- clock instead, which a simulation (imr.simulation.enabled) moves ahead of the database's
       coalesce(k.next_due_at < now(), false) as overdue
from imr_case c
left join clocks k on k.case_id = c.id;
