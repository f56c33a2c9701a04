-- The audit log page searches across cases by who acted and by kind, newest first, paged by entry id
-- (by date it uses audit_event_occurred_idx of V16).
create index audit_event_actor_idx on audit_event (actor, id);
create index audit_event_action_idx on audit_event (action, id);
