#!/usr/bin/env bash
# Publishes Tables into one folder (default: ./publish), PostgreSQL's migrations included:
# Tables.Web cannot reference src/Tables.Migrations.Postgres (a cycle), so its assembly is copied beside Tables.Web.dll,
# where the app loads it when Database:Provider=Postgres (docs/ARCHITECTURE-NOTES.md, "Two database providers").
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-publish}")"

dotnet publish src/Tables.Web -c Release -o "$out" -nologo
dotnet build src/Tables.Migrations.Postgres -c Release -nologo -v q
cp src/Tables.Migrations.Postgres/bin/Release/net10.0/Tables.Migrations.Postgres.dll "$out/"
echo "Published to $out (run: dotnet $out/Tables.Web.dll)"
