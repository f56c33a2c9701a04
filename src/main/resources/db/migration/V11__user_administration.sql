-- user administration: when an administrator last changed a user, and when the user's password was last set
alter table app_user add column updated_at          timestamptz;
alter table app_user add column password_changed_at timestamptz;
update app_user set password_changed_at = created_at;
alter table app_user alter column password_changed_at set default now();
alter table app_user alter column password_changed_at set not null;
