-- Requests for information during the eligibility review (8 CCR 9792.10.3(c)): a case may be sent several; of every
-- other kind of letter it has at most one.

-- correspondence ----------------------------------------------------------------------------------
alter table letter drop constraint letter_case_id_kind_key;
create unique index letter_one_per_kind_idx on letter (case_id, kind) where kind <> 'INFORMATION_REQUEST';
