#!/bin/bash
# Runs once, when the PostgreSQL of docker-compose.yml creates its data directory: the tables' owner (Flyway's) and
# the application's role, with the passwords of the secrets imr_owner_password and imr_app_password
# (docs/configuration.md, Database roles and passwords).
set -euo pipefail
owner_password="$(cat /run/secrets/imr_owner_password)"
app_password="$(cat /run/secrets/imr_app_password)"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v owner_password="$owner_password" -v app_password="$app_password" <<'SQL'
create role imr_owner login password :'owner_password';
create role imr_app login password :'app_password' nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
create database imrflow owner imr_owner;
\c imrflow
alter schema public owner to imr_owner;
revoke create on schema public from public;
SQL
