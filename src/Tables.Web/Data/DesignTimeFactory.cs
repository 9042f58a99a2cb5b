using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tables.Web.Data;

/// <summary>For <c>dotnet ef migrations add</c>: builds the context without starting the app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TablesDbContext>
{
    public TablesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TablesDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
