-- Cases imported from historical Final Determination Letters (POST /api/determinations/import): closed, decided
-- cases made from what the letter states. A letter names no employee, claim or party (the public copy removes them),
-- and the letters before 2016 have no header block, so no dates or priority either. Unknown names get a
-- placeholder text; unknown dates, review type and service method stay null, and only such a case may leave them so.

-- intake ------------------------------------------------------------------------------------------
alter table imr_case alter column review_type drop not null;
alter table imr_case alter column received_date drop not null;
alter table imr_case alter column date_of_injury drop not null;
alter table imr_case alter column ur_decision_date drop not null;
alter table imr_case alter column ur_service_method drop not null;
alter table imr_case add constraint imr_case_facts_known check (
    (imported and stage = 'DECIDED')
    or (review_type is not null and received_date is not null and date_of_injury is not null
        and ur_decision_date is not null and ur_service_method is not null));

-- a letter does not state an item's treatment category: null only for the items of an imported letter
alter table disputed_item alter column treatment_category drop not null;

-- review ------------------------------------------------------------------------------------------
-- the organization's guideline line of a historical letter that fits no wording (basis VERBATIM), as printed
alter table item_decision add column guideline_verbatim varchar(4000);

-- determination -----------------------------------------------------------------------------------
-- an imported determination was issued elsewhere: issued_at is the start of its decision date in California, or
-- null when the letter does not state it
alter table determination add column imported boolean not null default false;
alter table determination alter column issued_at drop not null;
alter table determination add constraint determination_issued_known check (imported or issued_at is not null);

-- correspondence ----------------------------------------------------------------------------------
-- a letter rendered again from the facts of a letter issued elsewhere; issued_at is when it was imported
alter table letter add column imported boolean not null default false;
