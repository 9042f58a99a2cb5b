namespace Tables.Web.Data;

/// <summary>A row that belongs to one table (tenant): filtered by the table in scope (TablesDbContext).</summary>
public interface ITableOwned
{
    int TableId { get; }
}
