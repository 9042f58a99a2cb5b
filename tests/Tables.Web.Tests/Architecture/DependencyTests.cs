using NetArchTest.Rules;

namespace Tables.Web.Tests.Architecture;

/// <summary>Slices own their queries: screens and hubs call slice services; the live-update mechanism knows no feature.</summary>
public sealed class DependencyTests
{
    private const string DbContext = "Tables.Web.Data.TablesDbContext";
    private static Types App => Types.InAssembly(typeof(Program).Assembly);

    [Fact]
    public void Components_never_use_the_DbContext()
    {
        var result = App.That().ResideInNamespace("Tables.Web.Components").ShouldNot().HaveDependencyOnAny(DbContext).GetResult();
        Assert.True(result.IsSuccessful, "components using TablesDbContext: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }

    [Fact]
    public void Hubs_never_use_the_DbContext()
    {
        var hubs = App.That().Inherit(typeof(Microsoft.AspNetCore.SignalR.Hub)).GetTypes().Select(t => t.ReflectionType).ToList();
        Assert.Contains(typeof(Tables.Web.Features.Forums.ForumHub), hubs);
        Assert.Contains(typeof(Tables.Web.Features.Live.LiveHub), hubs);
        var result = App.That().Inherit(typeof(Microsoft.AspNetCore.SignalR.Hub)).ShouldNot().HaveDependencyOnAny(DbContext).GetResult();
        Assert.True(result.IsSuccessful, "hubs using TablesDbContext: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }

    [Fact]
    public void The_rule_sees_a_use_of_the_DbContext_inside_a_method()
    {
        // A slice service does query it: the same rule must fail for it, or the tests above prove nothing.
        var result = App.That().HaveName(nameof(Tables.Web.Features.Forums.ForumConsole)).ShouldNot().HaveDependencyOnAny(DbContext).GetResult();
        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void The_live_update_mechanism_knows_no_feature()
    {
        var result = App.That().ResideInNamespace("Tables.Web.Features.Live")
            .ShouldNot().HaveDependencyOnAny("Tables.Web.Features.Forums", "Tables.Web.Features.Ballots", "Tables.Web.Features.Cycles").GetResult();
        Assert.True(result.IsSuccessful, "live types using a feature: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }
}
