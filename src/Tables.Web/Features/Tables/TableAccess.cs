using Tables.Web.Features.Members;

namespace Tables.Web.Features.Tables;

/// <summary>
/// What the current person is to one table: resolved once per request from the database and handed to the
/// authorization policies as the resource (see <see cref="TablePolicies"/>).
/// </summary>
public sealed record TableAccess(Table Table, TableRole? Role, bool IsAdministrator)
{
    public bool IsMember => Role is not null;
    public bool CanRead => Table.IsPublic || IsMember || IsAdministrator;
    public bool CanCoordinate => Role == TableRole.Coordinator || IsAdministrator;
    public bool CanFacilitate => Role is TableRole.Coordinator or TableRole.Facilitator || IsAdministrator;
    /// <summary>Partners and staff: they write the portrait (observers read it).</summary>
    public bool CanContribute => Role is TableRole.Coordinator or TableRole.Facilitator or TableRole.Partner || IsAdministrator;
}
