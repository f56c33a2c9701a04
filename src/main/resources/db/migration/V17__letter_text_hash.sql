-- Each issued letter keeps the SHA-256 of its text (UTF-8) besides the SHA-256 of its PDF (sha256): a letter whose
-- stored text or PDF no longer gives its hash is served with a warning and named by the letter check.

-- correspondence ----------------------------------------------------------------------------------
alter table letter add column text_sha256 char(64);

-- the letters issued so far: hashed as they are now (the trigger forbids any update, so it steps aside for this)
alter table letter disable trigger letter_no_update;
update letter set text_sha256 = encode(sha256(convert_to(text_content, 'UTF8')), 'hex');
alter table letter enable trigger letter_no_update;

alter table letter alter column text_sha256 set not null;
