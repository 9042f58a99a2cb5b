using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Tables.Web.Features.ActionPlan;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Jobs;

namespace Tables.Web.Tests.Features;

/// <summary>
/// Real e-mail through MailKit to an in-process SMTP server (SmtpServer): follow-my-idea (once per event, one-click stop,
/// the address never shown), the weekly digest, and the account e-mails through the same sender.
/// </summary>
public sealed class MailTests(MailTests.App app) : IClassFixture<MailTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app with SMTP pointed at an in-process server on a free port; jobs run only when a test runs them.</summary>
    public sealed class App : TablesAppFactory, IAsyncLifetime
    {
        private readonly CancellationTokenSource _stop = new();
        private SmtpServer.SmtpServer? _server;
        public ConcurrentQueue<MimeMessage> Received { get; } = new();

        public App()
        {
            var port = FreePort();
            Settings["Mail:Smtp:Host"] = "127.0.0.1";
            Settings["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Settings["Mail:Smtp:Security"] = "None";
            Settings["Jobs:TickSeconds"] = "0";
            Settings["FollowUps:PermitsPerMinute"] = "1000";
            var options = new SmtpServerOptionsBuilder().ServerName("localhost").Port(port).Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(new Store(Received));
            _server = new SmtpServer.SmtpServer(options, services);
        }

        public ValueTask InitializeAsync()
        {
            _ = _server!.StartAsync(_stop.Token);
            return ValueTask.CompletedTask;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The account e-mails go through the app's real sender here (the base factory captures them).
            builder.ConfigureServices(s =>
            {
                s.RemoveAll<IEmailSender<TablesUser>>();
                s.AddSingleton<IEmailSender<TablesUser>, Tables.Web.Features.Mail.AccountMail>();
            });
        }

        public IReadOnlyList<MimeMessage> To(string address) => Received.Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();

        public async Task<int> RunJobAsync<TJob>() where TJob : IBackgroundJob, new()
        {
            await using var scope = Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Tables.Web.Data.TableScope>().EnterAllTables();
            return typeof(TJob) == typeof(FollowUpJob)
                ? await scope.ServiceProvider.GetRequiredService<FollowService>().SendDueAsync()
                : await scope.ServiceProvider.GetRequiredService<DigestService>().SendDueAsync(NextMondayMorning());
        }

        private static DateTimeOffset NextMondayMorning()
        {
            var d = DateTime.Today;
            while (d.DayOfWeek != DayOfWeek.Monday)
            {
                d = d.AddDays(1);
            }
            return new DateTimeOffset(d.AddHours(8), TimeZoneInfo.Local.GetUtcOffset(d));
        }

        async ValueTask IAsyncDisposable.DisposeAsync()
        {
            await _stop.CancelAsync();
            await base.DisposeAsync();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
        {
            public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
            {
                await using var stream = new MemoryStream(buffer.ToArray());
                received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
                return SmtpResponse.Ok;
            }
        }
    }

    [Fact]
    public async Task Following_an_idea_tells_each_event_once_stops_with_one_click_and_never_shows_the_address()
    {
        const string email = "resident.suivi@example.org";
        var (own, _, _) = await app.SampleActionsAsync();
        var (ideaId, code, token) = await app.WithDbAsync(async db =>
        {
            var idea = await db.ActionIdeas.Where(i => i.ActionId == own).Select(i => i.IdeaId).FirstAsync();
            var row = await db.Ideas.SingleAsync(i => i.Id == idea);
            var forum = await db.Forums.SingleAsync(f => f.Id == row.ForumId);
            var participant = await db.Participants.SingleAsync(p => p.Id == row.ParticipantId);
            return (idea, forum.JoinCode, participant.Token);
        });
        using var phone = app.Client();

        var stranger = await phone.PostAsJsonAsync("/api/follow", new { code, participantToken = "pas-le-bon", ideaId, email, consent = true }, Ct);
        var noConsent = await phone.PostAsJsonAsync("/api/follow", new { code, participantToken = token, ideaId, email, consent = false }, Ct);
        var followed = await phone.PostAsJsonAsync("/api/follow", new { code, participantToken = token, ideaId, email, consent = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, followed.StatusCode);
        var welcome = Assert.Single(app.To(email));
        Assert.Contains("/follow/", welcome.TextBody);
        Assert.Contains("List-Unsubscribe=One-Click", welcome.Headers["List-Unsubscribe-Post"]);

        // What the idea already became is known, not sent again.
        Assert.Equal(0, await app.RunJobAsync<FollowUpJob>());
        using var coordinator = await app.SignedInAsync(TablesAppFactory.Coordinator);
        await coordinator.PostAsJsonAsync($"/api/tables/tilleuls/plan/actions/{own}/progress", new { status = "Done", progress = 100 }, Ct);
        Assert.Equal(1, await app.RunJobAsync<FollowUpJob>());
        Assert.Equal(0, await app.RunJobAsync<FollowUpJob>());
        var done = app.To(email).Last();
        Assert.Contains("réalisée", done.TextBody);
        Assert.Equal(2, app.To(email).Count);

        // One click (as a mail program does it: a POST to the header's address) stops everything.
        var oneClick = done.Headers["List-Unsubscribe"]!.Trim('<', '>');
        var stop = await phone.PostAsync(new Uri(oneClick).PathAndQuery, new StringContent("List-Unsubscribe=One-Click"), Ct);
        Assert.True(stop.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, stop.StatusCode.ToString());
        await coordinator.PostAsJsonAsync($"/api/tables/tilleuls/plan/actions/{own}/progress", new { status = "Suspended", progress = 100 }, Ct);
        Assert.Equal(0, await app.RunJobAsync<FollowUpJob>());
        Assert.Equal(2, app.To(email).Count);

        // The address is nowhere to be read: not in the database in clear, not on a page, not in the API or the audit.
        var stopPage = await phone.GetStringAsync(new Uri(oneClick).AbsolutePath.Replace("/stop", "", StringComparison.Ordinal), Ct);
        var chain = await phone.GetStringAsync($"/api/tables/tilleuls/plan/ideas/{ideaId}", Ct);
        var history = await coordinator.GetStringAsync($"/api/tables/tilleuls/plan/actions/{own}/history", Ct);
        Assert.DoesNotContain(email, stopPage + chain + history);
        Assert.Contains("ne recevrez plus", System.Net.WebUtility.HtmlDecode(stopPage));
        var stored = await app.WithDbAsync(db => db.IdeaFollowers.IgnoreQueryFilters().SingleAsync(f => f.IdeaId == ideaId));
        Assert.DoesNotContain(email, stored.EmailProtected);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => (a.After ?? "").Contains(email))));
    }

    [Fact]
    public async Task The_weekly_digest_goes_once_a_week_to_each_partner_with_one_link_per_item()
    {
        var sent = await app.RunJobAsync<DigestJob>();
        var again = await app.RunJobAsync<DigestJob>();

        Assert.True(sent >= 1, "the sample partners get a digest");
        Assert.Equal(0, again);
        var digest = Assert.Single(app.To(TablesAppFactory.Partner));
        Assert.Contains("En retard", digest.TextBody);
        var items = digest.TextBody!.Split('\n').Where(l => l.StartsWith("• ", StringComparison.Ordinal)).ToList();
        var links = digest.TextBody!.Split('\n').Where(l => l.StartsWith("  http", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, links.Count);
        Assert.All(links, l => Assert.Contains("/t/tilleuls/plan/actions/", l));
        // The observer has no digest; a coordinator has none unless they turn it on.
        Assert.Empty(app.To(TablesAppFactory.Observer));
        Assert.Empty(app.To(TablesAppFactory.Coordinator));
    }

    [Fact]
    public async Task A_job_claimed_by_one_instance_is_not_run_by_another_until_it_is_due_again()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tables.Web.Data.TableScope>().EnterAllTables();
        var db = scope.ServiceProvider.GetRequiredService<Tables.Web.Data.TablesDbContext>();
        var now = DateTime.UtcNow;
        var hour = TimeSpan.FromHours(1);

        Assert.True(await JobLeases.TryClaimAsync(db, "test-job", "instance-a", hour, hour, now, Ct));
        Assert.False(await JobLeases.TryClaimAsync(db, "test-job", "instance-b", hour, hour, now, Ct));
        await JobLeases.ReleaseAsync(db, "test-job", "instance-a", now, null, Ct);
        Assert.False(await JobLeases.TryClaimAsync(db, "test-job", "instance-b", hour, hour, now.AddMinutes(10), Ct));
        Assert.True(await JobLeases.TryClaimAsync(db, "test-job", "instance-b", hour, hour, now.AddHours(2), Ct));
    }

    [Fact]
    public async Task A_password_reset_goes_through_the_same_sender()
    {
        using var client = app.Client();
        await client.SubmitFormAsync("/account/forgot-password", new() { ["Input.Email"] = TablesAppFactory.Administrator });

        var message = Assert.Single(app.To(TablesAppFactory.Administrator));
        Assert.Contains("/account/reset-password?", message.TextBody);
    }
}
