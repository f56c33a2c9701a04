-- Several reviewers on one case (domain.md §2.6), only with the Administrative Director's written approval, which
-- is recorded on the case. Each reviewer's review is their own: its summary, decisions and returns belong to the
-- reviewer's assignment (none for a review imported with its letter).
create table panel_approval (
    case_id      bigint       primary key references imr_case (id),
    reviewers    smallint     not null check (reviewers between 2 and 3),
    approved_on  date         not null,
    reference    varchar(200) not null,
    recorded_by  varchar(64)  not null,
    recorded_at  timestamptz  not null default now()
);

drop index reviewer_assignment_current_idx;
create unique index reviewer_assignment_current_idx on reviewer_assignment (case_id, reviewer_id)
    where status in ('OFFERED', 'ACCEPTED');

alter table clinical_review add column assignment_id bigint references reviewer_assignment (id);
alter table item_decision add column assignment_id bigint references reviewer_assignment (id);
alter table review_return add column assignment_id bigint references reviewer_assignment (id);
update clinical_review r set assignment_id = a.id from reviewer_assignment a
    where a.case_id = r.case_id and a.status in ('ACCEPTED', 'COMPLETED') and r.superseded_at is null;
update item_decision d set assignment_id = a.id from reviewer_assignment a
    where a.case_id = d.case_id and a.status in ('ACCEPTED', 'COMPLETED') and d.superseded_at is null;
drop index clinical_review_current_idx;
create unique index clinical_review_current_idx on clinical_review (case_id, coalesce(assignment_id, 0))
    where superseded_at is null;
drop index item_decision_current_idx;
create unique index item_decision_current_idx on item_decision (disputed_item_id, coalesce(assignment_id, 0))
    where superseded_at is null;
