-- Flyway callback, run after every migration run (also when there was nothing to migrate), as the owner of the
-- tables: the privileges of the application's role ${app_role} (spring.flyway.placeholders.app_role), granted anew
-- each time so that the tables of later migrations are covered; default privileges cover tables the owner creates
-- in between. The application's role owns nothing, so it can neither drop, truncate or alter a table nor set a
-- trigger aside; what it may do to the tables is below (docs/configuration.md, "Database roles").
do $$
declare
    app text := '${app_role}';
begin
    if app = current_user or not exists (select from pg_roles where rolname = app) then
        raise warning 'imrflow: the application role % is missing or is the owner %: nothing is protected', app, current_user;
        return;
    end if;
    revoke create on schema public from public;
    execute format('grant usage on schema public to %I', app);

    -- ordinary tables: read and write
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select, update on all sequences in schema public to %I', app);
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema public grant usage, select, update on sequences to %I', app);

    -- the audit log and the issued letters (text, PDF and their hashes): only added to and read
    execute format('revoke update, delete, truncate on audit_event, letter from %I', app);
    -- the steps of each case's processes (V18): only added to and read, like the audit log
    execute format('revoke update, delete, truncate on case_process_step from %I', app);
    -- the chain's head: moved by every writer, never added or removed
    execute format('revoke insert, delete, truncate on audit_chain_head from %I', app);
    -- the delivery log: a recipient's receipt is recorded later, nothing else changes
    execute format('revoke update, delete, truncate on letter_delivery from %I', app);
    execute format('grant update (received_on, received_recorded_by) on letter_delivery to %I', app);
    -- API tokens (V24): issued and read; afterwards only their use and revocation are written, none is deleted
    execute format('revoke update, delete, truncate on api_token from %I', app);
    execute format('grant update (last_used_at, revoked_at, revoked_by) on api_token to %I', app);
    -- the migrations' history: read only
    execute format('revoke all on %I from %I', '${flyway:table}', app);
    execute format('grant select on %I to %I', '${flyway:table}', app);
end;
$$;
