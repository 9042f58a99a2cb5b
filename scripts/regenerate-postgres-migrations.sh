#!/usr/bin/env bash
# Deletes PostgreSQL's migrations and makes one "Initial" migration from the current model.
# Only while no PostgreSQL database has been deployed (before the first release that supports it): after that,
# add migrations with scripts/add-migration.sh and never rewrite one that shipped.
# Use it after merging branches that each added SQLite migrations (their Postgres counterparts are then re-made at once).
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null
rm -rf src/Tables.Migrations.Postgres/Migrations
dotnet build src/Tables.Migrations.Postgres -nologo -v q
dotnet tool run dotnet-ef migrations add Initial --project src/Tables.Migrations.Postgres --output-dir Migrations --no-build
echo "PostgreSQL migrations re-made: src/Tables.Migrations.Postgres/Migrations (Initial)."
