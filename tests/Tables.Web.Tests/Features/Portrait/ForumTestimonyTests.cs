using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Live;
using Tables.Web.Features.Portrait;
using static Tables.Testing.ForumTestKit;

namespace Tables.Web.Tests.Features.Portrait;

/// <summary>Residents' testimonies from phones in the forum's portrait step: taken only then, stored once, moderated, announced live.</summary>
public sealed class ForumTestimonyTests(TablesAppFactory app) : IClassFixture<TablesAppFactory>, IAsyncLifetime
{
    private readonly List<HubConnection> _connections = [];
    private HttpClient _coordinator = default!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _connections)
        {
            await c.DisposeAsync();
        }
        _coordinator.Dispose();
    }

    private async Task<HubConnection> JoinAsync(ForumDetail forum)
    {
        var phone = app.Hub();
        _connections.Add(phone);
        await phone.StartAsync(Ct);
        await phone.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, null), Ct);
        return phone;
    }

    private async Task MoveToAsync(ForumDetail forum, ActivityKind kind)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(Tables.Web.Features.Accounts.UserClaims.Administrator, "true")], "test"));
        var access = await scope.ServiceProvider.GetRequiredService<Tables.Web.Features.Tables.TableService>().EnterAsync(admin, "tilleuls", Ct);
        await scope.ServiceProvider.GetRequiredService<ForumConsole>().SetActivityAsync(access!, admin, forum.Forum.Id, forum.Agenda.First(a => a.Kind == kind).Id, Ct);
    }

    private static Task<TestimonyAck> SendAsync(HubConnection phone, TestimonyRequest request) =>
        phone.InvokeAsync<TestimonyAck>(nameof(ForumHub.SubmitTestimony), request, Ct);

    private static string NewId() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_testimony_is_taken_only_in_the_portrait_step_stored_once_and_waits_for_moderation()
    {
        var forum = await OpenForumAsync(_coordinator, "Forum des témoignages");
        var phone = await JoinAsync(forum);
        var early = await Assert.ThrowsAsync<HubException>(() => SendAsync(phone, new("Santé", "Je n'ai pas de médecin.", null, NewId())));
        Assert.Contains("portrait n'est pas ouvert", early.Message);

        await MoveToAsync(forum, ActivityKind.Portrait);
        var cycleId = forum.Forum.CycleId;
        var topic = PortraitTopics.Of(cycleId);
        var before = await app.WithDbAsync(db => db.ReadAsync(topic, Ct));
        var id = NewId();
        var first = await SendAsync(phone, new("santé", "  Je n'ai pas de médecin de famille depuis trois ans.  ", "Lucie", id));
        var resent = await SendAsync(phone, new("santé", "  Je n'ai pas de médecin de famille depuis trois ans.  ", "Lucie", id));
        Assert.Equal(first.Id, resent.Id);

        var stored = await app.WithDbAsync(db => db.Testimonies.IgnoreQueryFilters().SingleAsync(t => t.ForumId == forum.Forum.Id, Ct));
        Assert.Equal(("Santé", "Je n'ai pas de médecin de famille depuis trois ans.", "Lucie", TestimonyStatus.Pending, "Forum des témoignages"),
            (stored.Theme, stored.Text, stored.SignedName, stored.Status, stored.BroughtBy));
        // The portrait's open pages are told (its live topic moved on in the same transaction).
        Assert.True(await app.WithDbAsync(db => db.ReadAsync(topic, Ct)) > before);
        // Anonymous unless signed; pending ones are not in the portrait until accepted.
        var anonymous = await SendAsync(phone, new("Habitation", "Mon loyer a double depuis 2020.", "  ", NewId()));
        Assert.Null(await app.WithDbAsync(db => db.Testimonies.IgnoreQueryFilters().Where(t => t.Id == anonymous.Id).Select(t => t.SignedName).SingleAsync(Ct)));
        var portrait = await _coordinator.GetStringAsync($"/api/tables/tilleuls/cycles/{cycleId}/portrait", Ct);
        Assert.DoesNotContain("Mon loyer a double depuis 2020.", portrait);
    }

    [Fact]
    public async Task Bad_testimonies_are_refused_with_a_message_and_nothing_is_stored()
    {
        var forum = await OpenForumAsync(_coordinator, "Forum des refus");
        var phone = await JoinAsync(forum);
        await MoveToAsync(forum, ActivityKind.Portrait);

        var unknown = await Assert.ThrowsAsync<HubException>(() => SendAsync(phone, new("Sport", "Pas de terrain.", null, NewId())));
        Assert.Contains("Sport", unknown.Message);
        var empty = await Assert.ThrowsAsync<HubException>(() => SendAsync(phone, new("Santé", "   ", null, NewId())));
        Assert.Contains("Écrivez votre témoignage", empty.Message);
        await Assert.ThrowsAsync<HubException>(() => SendAsync(phone, new("Santé", new string('x', PortraitRules.TestimonyMax + 1), null, NewId())));
        await Assert.ThrowsAsync<HubException>(() => SendAsync(phone, new(null, null, null, null)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Testimonies.IgnoreQueryFilters().CountAsync(t => t.ForumId == forum.Forum.Id, Ct)));
    }

    [Fact]
    public async Task Facilitation_accepts_a_testimony_from_the_room_into_the_portrait_as_lived_experience()
    {
        var forum = await OpenForumAsync(_coordinator, "Forum accepté");
        var phone = await JoinAsync(forum);
        await MoveToAsync(forum, ActivityKind.Portrait);
        var sent = await SendAsync(phone, new("Transport et mobilité", "Le bus 45 passe plein le matin.", null, NewId()));

        await using var scope = app.Services.CreateAsyncScope();
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(Tables.Web.Features.Accounts.UserClaims.Administrator, "true")], "test"));
        var access = await scope.ServiceProvider.GetRequiredService<Tables.Web.Features.Tables.TableService>().EnterAsync(user, "tilleuls", Ct);
        var listed = await scope.ServiceProvider.GetRequiredService<ForumTestimonies>().ListAsync(forum.Forum.Id, Ct);
        var item = Assert.Single(listed);
        Assert.Equal((sent.Id, forum.Forum.CycleId, TestimonyStatus.Pending), (item.Id, item.CycleId, item.Status));
        await scope.ServiceProvider.GetRequiredService<PortraitService>()
            .ModerateTestimonyAsync(access!, user, item.CycleId, item.Id, new TestimonyModeration { Status = TestimonyStatus.Accepted }, Ct);

        var portrait = await _coordinator.GetStringAsync($"/api/tables/tilleuls/cycles/{forum.Forum.CycleId}/portrait", Ct);
        Assert.Contains("Le bus 45 passe plein le matin.", portrait);
    }
}
