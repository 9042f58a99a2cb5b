using Tables.Web.Data.Auditing;

namespace Tables.Web.Features.Members;

/// <summary>A member organisation of a table (or a resident collective).</summary>
public sealed class Organisation : IAudited, IVersioned, Data.ITableOwned
{
    public int Id { get; set; }
    public int TableId { get; set; }
    public string Name { get; set; } = "";
    public Sector Sector { get; set; }
    public Guid Version { get; set; }

    int IAudited.AuditTableId => TableId;
}

/// <summary>Sector of an organisation: reports show who took part by sector.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<Sector>))]
public enum Sector
{
    Community,
    PublicInstitution,
    Economic,
    Cultural,
    ResidentCollective,
    Other,
}
