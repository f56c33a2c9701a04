-- Issue 10: the engine's rebuild reads every open track (ended_at is null) at each start-up, and the sweep reads them
-- every minute; with a year of data nearly every row has ended, so they are read through a partial index instead of
-- the whole table. (case_process is read by case number through case_process_number_idx, from V3.)
create index case_process_open_idx on case_process (case_id, track) where ended_at is null;
