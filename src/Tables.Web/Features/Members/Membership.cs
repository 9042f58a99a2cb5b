using Tables.Web.Data.Auditing;
using Tables.Web.Features.Accounts;

namespace Tables.Web.Features.Members;

/// <summary>A person's role in one table, optionally on behalf of an organisation.</summary>
public sealed class Membership : IAudited, IVersioned, Data.ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public Tables.Table? Table { get; set; }
    public string UserId { get; set; } = "";
    public TablesUser? User { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public TableRole Role { get; set; }
    public Guid Version { get; set; }

    int IAudited.AuditTableId => TableId;
}

/// <summary>Roles of DOMAIN.md, from the most to the least powerful.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<TableRole>))]
public enum TableRole
{
    Coordinator,
    Facilitator,
    Partner,
    Observer,
}
