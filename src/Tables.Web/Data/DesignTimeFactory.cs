using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tables.Web.Data;

/// <summary>
/// For <c>dotnet ef migrations add</c> on SQLite: builds the context without starting the app. PostgreSQL's factory is in
/// Tables.Migrations.Postgres; scripts/add-migration.sh adds a migration to both.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TablesDbContext>
{
    public TablesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TablesDbContext>().UseTablesDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db").Options);
}
