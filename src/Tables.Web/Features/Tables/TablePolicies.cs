using Microsoft.AspNetCore.Authorization;

namespace Tables.Web.Features.Tables;

/// <summary>Resource-based policies over a <see cref="TableAccess"/>: who may do what in one table.</summary>
public static class TablePolicies
{
    public const string Read = "table:read";
    public const string Facilitate = "table:facilitate";
    public const string Contribute = "table:contribute";
    public const string Coordinate = "table:coordinate";

    public static AuthorizationBuilder AddTablePolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Read, p => p.AddRequirements(new TableRequirement(a => a.CanRead)))
        .AddPolicy(Facilitate, p => p.AddRequirements(new TableRequirement(a => a.CanFacilitate)))
        .AddPolicy(Contribute, p => p.AddRequirements(new TableRequirement(a => a.CanContribute)))
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
