using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;

namespace Tables.Web.Tests.Data;

/// <summary>
/// Both providers' migrations describe the current model: a change to an entity or a configuration without a migration
/// for SQLite and for PostgreSQL (scripts/add-migration.sh adds both) fails here. Needs no database server.
/// </summary>
public sealed class ProviderMigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=none")]
    public void Each_providers_migrations_contain_every_change_of_the_model(DatabaseProvider provider, string connectionString)
    {
        using var db = new TablesDbContext(new DbContextOptionsBuilder<TablesDbContext>().UseTablesDatabase(provider, connectionString).Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that {provider}'s migrations lack: run scripts/add-migration.sh <Name> (it adds the migration to both providers).");
    }

    [Fact]
    public void PostgreSQL_stores_text_SQLite_would_store_instead_of_refusing_it()
    {
        Assert.Equal("ab", TablesDatabase.StorableText.Storable("a\0b"));
        Assert.Equal("a\uFFFDb", TablesDatabase.StorableText.Storable("a\ud800b"));
        Assert.Equal("\ufffd", TablesDatabase.StorableText.Storable("\udc00"));
        Assert.Equal("😀e\u0301", TablesDatabase.StorableText.Storable("😀e\u0301"));
    }
}
