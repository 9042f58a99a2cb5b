using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tables.Web.Data;

namespace Tables.Migrations.Postgres;

/// <summary>
/// For <c>dotnet ef migrations add … --project src/Tables.Migrations.Postgres</c> (scripts/add-migration.sh): the context on
/// Npgsql with this assembly's migrations. Adding a migration connects to no server; the connection string is only a
/// placeholder (<c>TABLES_POSTGRES</c> overrides it for <c>dotnet ef database update</c>).
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TablesDbContext>
{
    public TablesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TablesDbContext>()
            .UseTablesDatabase(DatabaseProvider.Postgres, Environment.GetEnvironmentVariable("TABLES_POSTGRES") ?? "Host=localhost;Database=tables;Username=tables",
                typeof(DesignTimeFactory).Assembly)
            .Options);
}
