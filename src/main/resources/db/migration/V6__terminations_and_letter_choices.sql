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

-- intake: partial authorizations and the claims administrator's basis as choices ------------------
alter table disputed_item add column authorized varchar(1000);          -- what the claims administrator authorized
alter table disputed_item add column remaining_portion varchar(1000);   -- the IMR-eligible rest; null: the whole request
alter table disputed_item add column ca_basis varchar(24) not null default 'VERBATIM';  -- MTUS, NON_MTUS, MTUS_AND_NON_MTUS, NO_EVIDENCE
alter table disputed_item add column ca_mtus_citation varchar(4000);
alter table disputed_item add column ca_non_mtus_citation varchar(4000);
alter table disputed_item alter column ca_guideline_citation drop not null;   -- now only a historical line (VERBATIM)
update disputed_item set ca_basis = 'NO_EVIDENCE', ca_guideline_citation = null
    where ca_guideline_citation = 'The Claims Administrator did not cite any medical evidence for its decision.';
alter table disputed_item alter column ca_basis drop default;

-- review: the reviewer's basis as a choice, with a citation for each guideline it names -----------
alter table item_decision add column guideline_basis varchar(24);       -- MTUS, NON_MTUS, MTUS_AND_NON_MTUS, NO_EVIDENCE
alter table item_decision add column mtus_citation varchar(4000);
alter table item_decision add column non_mtus_citation varchar(4000);
update item_decision set guideline_basis = guideline_source,
       mtus_citation = case when guideline_source = 'MTUS' then guideline_citation end,
       non_mtus_citation = case when guideline_source = 'NON_MTUS' then guideline_citation end;
alter table item_decision drop column guideline_source;
alter table item_decision drop column guideline_citation;
