-- National Provider Identifiers, where known: the requesting physician's (from the request for authorization) and a
-- reviewer's affiliated person, group or facility's; conflict screening compares them besides the names.
alter table imr_case add column requesting_physician_npi varchar(10);
alter table reviewer_affiliation add column npi varchar(10);
