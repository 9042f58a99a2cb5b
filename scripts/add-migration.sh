#!/usr/bin/env bash
# Adds an EF Core migration named $1 to BOTH providers, so their migrations stay in step:
#   SQLite     -> src/Tables.Web/Data/Migrations
#   PostgreSQL -> src/Tables.Migrations.Postgres/Migrations
# The test ProviderMigrationsTests fails when either provider's migrations lack a model change.
# Usage: scripts/add-migration.sh <Name>     (from anywhere; builds once, then adds both without rebuilding)
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh <MigrationName>}"

dotnet tool restore >/dev/null
# Building the Postgres project builds Tables.Web too (it references it).
dotnet build src/Tables.Migrations.Postgres -nologo -v q
dotnet tool run dotnet-ef migrations add "$name" --project src/Tables.Web --output-dir Data/Migrations --no-build
dotnet tool run dotnet-ef migrations add "$name" --project src/Tables.Migrations.Postgres --output-dir Migrations --no-build
echo "Added $name to SQLite (src/Tables.Web/Data/Migrations) and PostgreSQL (src/Tables.Migrations.Postgres/Migrations)."
