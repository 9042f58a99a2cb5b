using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Live;
using static Tables.Testing.ForumTestKit;

namespace Tables.Web.Tests.Live;

/// <summary>
/// The one live-update path: versions from the database, coalescing per topic (the clock is a fake one, moved by the
/// test: an interval passes only when the test says so), messages that carry the state, and the instance's subscriber
/// that Blazor screens follow through.
/// </summary>
public sealed class LiveUpdateTests(LiveUpdateTests.App app) : IClassFixture<LiveUpdateTests.App>, IAsyncLifetime
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

    private async Task<HubConnection> ConnectAsync(string? cookie = null)
    {
        var connection = app.Hub(o =>
        {
            if (cookie is not null)
            {
                o.Headers["Cookie"] = cookie;
            }
        });
        _connections.Add(connection);
        await connection.StartAsync(Ct);
        return connection;
    }

    /// <summary>One interval passes: the publisher sends what changed since the last one.</summary>
    private void Tick() => app.Clock.Advance(TimeSpan.FromMilliseconds(LiveOptions.DefaultIntervalMs));

    [Fact]
    public async Task Votes_arriving_within_one_interval_are_sent_as_one_update_with_a_database_version()
    {
        var forum = await OpenForumAsync(_coordinator, "Coalescence");
        var ballot = await CreateBallotAsync(_coordinator, forum.Forum.Id, SixOfNine(ResultVisibility.Live));
        var staff = await ConnectAsync(await app.SignInCookiesAsync(TablesAppFactory.Facilitator));
        await staff.OpenBallotAsync(ballot.Id, Ct);
        var wall = await ConnectAsync();
        await wall.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, null), Ct);
        var received = new List<BallotResults>();
        var arrived = new SemaphoreSlim(0);
        wall.OnResultsChanged(r =>
        {
            if (r.BallotId == ballot.Id)
            {
                lock (received)
                {
                    received.Add(r);
                }
                arrived.Release();
            }
        });

        // Ten phones vote while no interval passes: nothing is sent yet, then one update carries all ten.
        for (var i = 0; i < 10; i++)
        {
            var phone = await ConnectAsync();
            await phone.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, null), Ct);
            Assert.Equal(VoteOutcome.Stored, (await phone.CastAsync(new CastRequest(ballot.Id, Approve("B"), NewId()), Ct)).Outcome);
        }
        Tick();
        await arrived.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        // Two more intervals with no change send nothing; one more vote, one interval: the next update.
        Tick();
        Tick();
        var last = await ConnectAsync();
        await last.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, null), Ct);
        await last.CastAsync(new CastRequest(ballot.Id, Approve("C"), NewId()), Ct);
        Tick();
        await arrived.WaitAsync(TimeSpan.FromSeconds(20), Ct);

        // Messages of one connection arrive in order: had the ten votes been sent in several updates, they would be here.
        lock (received)
        {
            Assert.Equal([10, 11], received.Select(r => r.Cast));
            Assert.True(received[1].Version > received[0].Version);
        }
        var stored = await app.WithDbAsync(db => db.ReadAsync(ForumTopics.Ballot(ballot.Id), Ct));
        Assert.Equal(stored, received[1].Version);
        // Counted per topic in the database: small integers that JavaScript represents exactly.
        Assert.InRange(received[1].Version, 1, 1L << 53);
    }

    [Fact]
    public async Task A_phone_gets_the_forums_new_state_in_the_message_and_keeps_nothing_older()
    {
        var forum = await OpenForumAsync(_coordinator, "Ordre du jour");
        var phone = await ConnectAsync();
        var joined = await phone.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, null), Ct);
        var changed = new TaskCompletionSource<ForumState>(TaskCreationOptions.RunContinuationsAsynchronously);
        phone.OnForumChanged(s => changed.TrySetResult(s));
        var ideas = forum.Agenda.Single(a => a.Kind == ActivityKind.Ideas).Id;

        var staff = await ConnectAsync(await app.SignInCookiesAsync(TablesAppFactory.Facilitator));
        await staff.SetActivityAsync(forum.Forum.Id, ideas, Ct);
        Tick();
        var state = await changed.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);

        Assert.Equal(ideas, state.CurrentActivityId);
        Assert.True(state.Version > joined.Snapshot.Version, $"{state.Version} after {joined.Snapshot.Version}");
        Assert.Equal(forum.Agenda.Count, state.Agenda.Count);
    }

    [Fact]
    public async Task The_instances_subscriber_brings_staff_views_to_the_screens_of_this_instance()
    {
        var forum = await OpenForumAsync(_coordinator, "Abonné");
        var subscriber = app.Services.GetRequiredService<LiveSubscriber>();
        var counts = new TaskCompletionSource<ParticipantCount>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var follow = await subscriber.FollowAsync(ForumTopics.Participants(forum.Forum.Id), LiveView.Staff, message =>
        {
            if (LiveSubscriber.Read<ParticipantCount>(message) is { Total: 2 } count)
            {
                counts.TrySetResult(count);
            }
            return Task.CompletedTask;
        }, Ct);

        foreach (var group in new[] { "Résident·e", null })
        {
            var phone = await ConnectAsync();
            await phone.JoinAsync(new JoinRequest(forum.Forum.JoinCode, null, null, group), Ct);
        }
        Tick();
        var seen = await counts.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        Assert.Equal(1, seen.ByGroup["Résident·e"]);
        Assert.Equal(1, seen.ByGroup[""]);
    }

    [Fact]
    public async Task The_staff_view_is_for_facilitation_only_and_a_public_view_is_for_anyone_who_may_read()
    {
        var forum = await OpenForumAsync(_coordinator, "Vues");
        var anonymous = app.Hub(path: "/hubs/live");
        _connections.Add(anonymous);
        await anonymous.StartAsync(Ct);
        var error = await Assert.ThrowsAsync<HubException>(() => anonymous.SubscribeAsync(ForumTopics.Ideas(forum.Forum.Id), LiveView.Staff, Ct));
        Assert.Contains("Vous ne pouvez pas suivre ceci", error.Message);
        var snapshot = await anonymous.SubscribeAsync(ForumTopics.Forum(forum.Forum.Id), LiveView.Public, Ct);
        Assert.Equal(ForumTopics.Forum(forum.Forum.Id).ToString(), snapshot.Topic);
        Assert.True(snapshot.Version > 0);
        await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync<LiveMessage>(nameof(LiveHub.Subscribe), "forum:999999", LiveView.Public, Ct));
        await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync<LiveMessage>(nameof(LiveHub.Subscribe), "FORUM:1; DROP", LiveView.Public, Ct));
    }

    public sealed class App : TablesAppFactory
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            });
        }
    }
}
