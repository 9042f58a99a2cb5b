using Microsoft.AspNetCore.Authorization;

namespace Tables.Web.Features.Tables;

/// <summary>
/// Resource-based policies over a <see cref="TableAccess"/>, one per role (each role can do what the roles below it
/// can): endpoints, the hubs and the screens all ask the same <see cref="IAuthorizationService"/> with these names.
/// </summary>
public static class TablePolicies
{
    /// <summary>Public: anyone who may read the table (a public table, or a member, or an administrator).</summary>
    public const string Read = "table:read";

    /// <summary>Observer and up: members of the table (and administrators).</summary>
    public const string Member = "table:member";

    /// <summary>Partner and up.</summary>
    public const string Partner = "table:partner";

    /// <summary>Facilitator and up.</summary>
    public const string Facilitate = "table:facilitate";

    /// <summary>Coordinator (and administrators).</summary>
    public const string Coordinate = "table:coordinate";

    public static readonly IReadOnlyList<string> All = [Read, Member, Partner, Facilitate, Coordinate];

    public static AuthorizationBuilder AddTablePolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Read, p => p.AddRequirements(new TableRequirement(a => a.CanRead)))
        .AddPolicy(Member, p => p.AddRequirements(new TableRequirement(a => a.CanObserve)))
        .AddPolicy(Partner, p => p.AddRequirements(new TableRequirement(a => a.CanPartner)))
        .AddPolicy(Facilitate, p => p.AddRequirements(new TableRequirement(a => a.CanFacilitate)))
        .AddPolicy(Coordinate, p => p.AddRequirements(new TableRequirement(a => a.CanCoordinate)));
}

/// <summary>A rule over what the person is to the table.</summary>
public sealed class TableRequirement(Func<TableAccess, bool> rule) : AuthorizationHandler<TableRequirement, TableAccess>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TableRequirement requirement, TableAccess resource)
    {
        if (requirement == this && rule(resource))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
