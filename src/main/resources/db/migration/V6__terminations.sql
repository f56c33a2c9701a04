-- Terminated cases: the claims administrator authorized the disputed treatment (8 CCR 9792.10.6(a)).

-- intake ------------------------------------------------------------------------------------------
alter table imr_case add column terminated_at timestamptz;
alter table imr_case add column treatment_authorized_on date;          -- when the claims administrator authorized it
alter table imr_case add column termination_reason varchar(2000);

-- casefile ----------------------------------------------------------------------------------------
-- a clock of a terminated case is STOPPED: open clocks are those RUNNING, or MISSED and not met
create or replace view case_overview as
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
           min(due_at) filter (where kind <> 'FILING' and met_at is null and status in ('RUNNING', 'MISSED')) as next_due_at,
           (array_agg(kind order by due_at, id)
                filter (where kind <> 'FILING' and met_at is null and status in ('RUNNING', 'MISSED')))[1] as next_clock,
           min(due_at) filter (where kind in ('DETERMINATION_FROM_ASSIGNMENT', 'DETERMINATION_FROM_RECORDS')
                                 and met_at is null and status in ('RUNNING', 'MISSED'))                  as determination_due_at
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
       coalesce(k.next_due_at < now(), false) as overdue
from imr_case c
left join clocks k on k.case_id = c.id;
