using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Tables.Web.Features.ActionPlan;
using Tables.Web.Features.Live;

namespace Tables.Web.Tests.Live;

/// <summary>
/// The plan's live topic (<c>plan:{cycle}</c>): its staff view is for the table's members, and a partner's report moves
/// it — the message the dashboard follows arrives with a newer version.
/// </summary>
public sealed class PlanTopicTests(TablesAppFactory app) : IClassFixture<TablesAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Members_follow_the_plans_staff_view_the_public_does_not_and_a_partners_report_moves_it()
    {
        var (own, _, cycle) = await app.SampleActionsAsync();
        await using var anonymous = app.Hub(path: "/hubs/live");
        await anonymous.StartAsync(Ct);
        var refused = await Assert.ThrowsAsync<HubException>(() => anonymous.SubscribeAsync(PlanTopic.Of(cycle), LiveView.Staff, Ct));
        Assert.Contains("Vous ne pouvez pas suivre ceci", refused.Message);

        var cookie = await app.SignInCookiesAsync(TablesAppFactory.Observer);
        await using var member = app.Hub(o => o.Headers["Cookie"] = cookie, "/hubs/live");
        var changed = new TaskCompletionSource<LiveMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        member.On<LiveMessage>(LiveHub.ChangedMethod, m => changed.TrySetResult(m));
        await member.StartAsync(Ct);
        var snapshot = await member.SubscribeAsync(PlanTopic.Of(cycle), LiveView.Staff, Ct);

        using var partner = await app.SignedInAsync(TablesAppFactory.Partner);
        (await partner.PostAsJsonAsync($"/api/tables/tilleuls/plan/actions/{own}/journal", new { on = "2026-11-21", text = "Rapport en direct", progress = 42 }, Ct))
            .EnsureSuccessStatusCode();

        var message = await changed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(PlanTopic.Of(cycle).ToString(), message.Topic);
        Assert.True(message.Version > snapshot.Version, $"{message.Version} after {snapshot.Version}");
    }
}
