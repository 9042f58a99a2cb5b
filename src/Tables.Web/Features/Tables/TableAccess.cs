using Tables.Web.Features.Members;

namespace Tables.Web.Features.Tables;

/// <summary>
/// What the current person is to one table: resolved once per request (or hub call, or screen) from the database and
/// handed to the authorization policies as the resource (see <see cref="TablePolicies"/>). Each role can do what the
/// roles below it can.
/// </summary>
public sealed record TableAccess(Table Table, TableRole? Role, bool IsAdministrator)
{
    public bool IsMember => Role is not null;

    /// <summary>Public: anyone may read a public table; members and administrators read a private one.</summary>
    public bool CanRead => Table.IsPublic || IsMember || IsAdministrator;

    /// <summary>Observer and up: the table's own lists (members), what is not for the public.</summary>
    public bool CanObserve => IsMember || IsAdministrator;

    /// <summary>Partner and up: the partner's own work (their actions, progress, the partner dashboard).</summary>
    public bool CanPartner => Role is TableRole.Coordinator or TableRole.Facilitator or TableRole.Partner || IsAdministrator;

    /// <summary>Facilitator and up: run forums, moderate ideas, ballots, paper entry.</summary>
    public bool CanFacilitate => Role is TableRole.Coordinator or TableRole.Facilitator || IsAdministrator;

    /// <summary>Coordinator: the table itself, its members, organisations and cycles.</summary>
    public bool CanCoordinate => Role == TableRole.Coordinator || IsAdministrator;
}
