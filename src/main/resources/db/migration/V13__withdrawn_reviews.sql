-- A reviewer withdrawn from a case leaves their review behind: kept for the history, no longer the case's review.
-- The review of a case is its rows not superseded; a withdrawal marks the rows of the withdrawn reviewer.
alter table clinical_review drop constraint clinical_review_pkey;
alter table clinical_review add column id bigserial primary key;
alter table clinical_review add column superseded_at timestamptz;
create unique index clinical_review_current_idx on clinical_review (case_id) where superseded_at is null;

alter table item_decision drop constraint item_decision_pkey;
alter table item_decision add column id bigserial primary key;
alter table item_decision add column superseded_at timestamptz;
create unique index item_decision_current_idx on item_decision (disputed_item_id) where superseded_at is null;
create index item_decision_case_idx on item_decision (case_id);
