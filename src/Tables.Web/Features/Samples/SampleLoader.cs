using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Members;
using Tables.Web.Features.Tables;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Microsoft.Extensions.Localization;
using Tables.Web.Resources;

namespace Tables.Web.Features.Samples;

/// <summary>
/// Loads the fictional tables of <c>samples/tables/*.json</c> with their demo accounts. Idempotent: a table whose slug
/// exists is skipped whole. On by default in Development only (<c>Samples:Load</c>).
/// </summary>
public sealed partial class SampleLoader(TablesDbContext db, UserManager<TablesUser> users, IBallotCounter counter, IStringLocalizer<UiText> text, ILogger<SampleLoader> logger,
    ActionPlan.SamplePlanLoader plans)
{

    public async Task LoadAsync(string directory, CancellationToken ct = default)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(directory, "tables"), "*.json").Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            var sample = await JsonSerializer.DeserializeAsync<SampleTable>(stream, TablesJson.Options, ct)
                ?? throw new InvalidDataException($"{file} is empty.");
            if (await db.Tables.AnyAsync(t => t.Slug == sample.Table.Slug, ct))
            {
                continue;
            }
            await LoadTableAsync(sample, ct);
            LogLoaded(logger, sample.Table.Slug, file);
        }
        await plans.LoadAsync(directory, ct);
    }

    private async Task LoadTableAsync(SampleTable sample, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var table = sample.Table;
        db.Tables.Add(table);
        var organisations = sample.Organisations.ToDictionary(o => o.Name, o => new Organisation { Name = o.Name, Sector = o.Sector });
        await db.SaveChangesAsync(Actor.System, ct);
        foreach (var organisation in organisations.Values)
        {
            organisation.TableId = table.Id;
            db.Organisations.Add(organisation);
        }
        foreach (var admin in sample.Administrators)
        {
            var user = await EnsureUserAsync(admin.Email, admin.Name, sample.DemoPassword);
            if (!user.IsAdministrator)
            {
                user.IsAdministrator = true;
                await users.UpdateAsync(user);
            }
        }
        foreach (var member in sample.Members)
        {
            var user = await EnsureUserAsync(member.Email, member.Name, sample.DemoPassword);
            db.Memberships.Add(new Membership
            {
                TableId = table.Id,
                UserId = user.Id,
                Role = member.Role,
                Organisation = member.Organisation is null ? null : organisations[member.Organisation],
            });
        }
        foreach (var c in sample.Cycles)
        {
            var cycle = new Cycle { TableId = table.Id, Title = c.Title, Start = c.Start, End = c.End, Phase = c.History[^1].To };
            Phase? previous = null;
            foreach (var step in c.History)
            {
                cycle.PhaseHistory.Add(new PhaseChange { TableId = table.Id, From = previous, To = step.To, At = step.At.ToDateTime(new TimeOnly(14, 0), DateTimeKind.Utc), ByName = sample.Members[0].Name });
                previous = step.To;
            }
            db.Cycles.Add(cycle);
            await db.SaveChangesAsync(Actor.System, ct);
            foreach (var forum in c.Forums ?? [])
            {
                await LoadForumAsync(table, cycle, forum, ct);
            }
        }
        await db.SaveChangesAsync(Actor.System, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A held forum: participants by group, ideas, closed ballots with their votes and stored results, priorities.</summary>
    private async Task LoadForumAsync(Table table, Cycle cycle, SampleForum sample, CancellationToken ct)
    {
        var forum = new Forum
        {
            TableId = table.Id, CycleId = cycle.Id, Title = sample.Title, StartsAt = sample.StartsAt, Place = sample.Place,
            JoinCode = sample.JoinCode, Status = sample.Status, Groups = sample.Groups,
            Activities = Enum.GetValues<ActivityKind>().Select((k, i) => new ForumActivity { TableId = table.Id, Order = i + 1, Kind = k, Title = text[$"Activity.{k}"] }).ToList(),
        };
        db.Forums.Add(forum);
        await db.SaveChangesAsync(Actor.System, ct);
        forum.CurrentActivityId = forum.Activities.Single(a => a.Kind == ActivityKind.Closing).Id;

        var participants = sample.Participants
            .SelectMany(g => Enumerable.Range(0, g.Count).Select(_ => new Participant { TableId = table.Id, ForumId = forum.Id, Token = ParticipantTokens.New(), Group = g.Group, JoinedAt = sample.StartsAt }))
            .ToList();
        db.Participants.AddRange(participants);
        await db.SaveChangesAsync(ct);
        db.Ideas.AddRange(sample.Ideas.Select((idea, i) => new Idea
        {
            TableId = table.Id, ForumId = forum.Id, ParticipantId = participants[i * 7 % participants.Count].Id, Text = idea.Text, Theme = idea.Theme, CreatedAt = sample.StartsAt.AddMinutes(20 + i),
        }));

        foreach (var b in sample.Ballots)
        {
            var ballot = new Ballot
            {
                TableId = table.Id, ForumId = forum.Id, Question = b.Question, Method = b.Method, Settings = b.Settings, Visibility = b.Visibility,
                Options = b.Options.Select((label, i) => new BallotOption { Token = BallotService.OptionToken(i), Label = label }).ToList(),
                Status = BallotStatus.Closed, Seed = b.Seed, OpenedAt = sample.StartsAt.AddMinutes(60), ClosedAt = sample.StartsAt.AddMinutes(75),
            };
            db.Ballots.Add(ballot);
            await db.SaveChangesAsync(Actor.System, ct);
            if (b == sample.Ballots[0])
            {
                forum.Activities.Single(a => a.Kind == ActivityKind.Vote).BallotId = ballot.Id;
            }
            // Each line is "count ballots like this": handed out to distinct participants of the line's group.
            var unused = participants.GroupBy(p => p.Group ?? "").ToDictionary(g => g.Key, g => new Queue<Participant>(g));
            var votes = new List<Vote>();
            foreach (var line in b.Votes)
            {
                for (var i = 0; i < line.Count; i++)
                {
                    var voter = line.Paper ? null : unused[line.Group ?? ""].Dequeue();
                    votes.Add(new Vote
                    {
                        TableId = table.Id, BallotId = ballot.Id, ParticipantId = voter?.Id, IsPaper = line.Paper, Group = line.Group,
                        Content = new VoteContent { Values = new Dictionary<string, int>(line.Values) }, CastAt = ballot.OpenedAt!.Value.AddSeconds(votes.Count * 3),
                    });
                }
            }
            db.Votes.AddRange(votes);
            ballot.ResultJson = System.Text.Json.JsonSerializer.Serialize(counter.Count(ballot, votes, b.Seed, final: true), TablesJson.Options);
        }
        var first = await db.Ballots.Where(x => x.ForumId == forum.Id).OrderBy(x => x.Id).FirstAsync(ct);
        db.Priorities.AddRange((sample.Priorities ?? []).Select((token, i) => new Priority
        {
            TableId = table.Id, CycleId = cycle.Id, Order = i + 1, BallotId = first.Id, Title = first.Options.Single(o => o.Token == token).Label,
        }));
        await db.SaveChangesAsync(Actor.System, ct);
    }

    private async Task<TablesUser> EnsureUserAsync(string email, string name, string password)
    {
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return existing;
        }
        var user = new TablesUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? user : throw new InvalidOperationException($"Sample account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample table {Slug} loaded from {File}.")]
    private static partial void LogLoaded(ILogger logger, string slug, string file);

    private sealed record SampleTable(Table Table, string DemoPassword, List<SampleOrganisation> Organisations, List<SampleMember> Members, List<SamplePerson> Administrators, List<SampleCycle> Cycles);
    private sealed record SampleOrganisation(string Name, Sector Sector);
    private sealed record SampleMember(string Email, string Name, TableRole Role, string? Organisation);
    private sealed record SamplePerson(string Email, string Name);
    private sealed record SampleCycle(string Title, DateOnly Start, DateOnly End, List<SampleStep> History, List<SampleForum>? Forums);
    private sealed record SampleForum(string Title, DateTime StartsAt, string Place, string JoinCode, ForumStatus Status, List<string> Groups,
        List<SampleIdea> Ideas, List<SampleGroupCount> Participants, List<SampleBallot> Ballots, List<string>? Priorities);
    private sealed record SampleIdea(string? Theme, string Text);
    private sealed record SampleGroupCount(string? Group, int Count);
    private sealed record SampleBallot(string Question, Voting.VotingMethod Method, BallotSettings Settings, ResultVisibility Visibility, long Seed, List<string> Options, List<SampleVotes> Votes);
    private sealed record SampleVotes(string? Group, int Count, Dictionary<string, int> Values, bool Paper = false);
    private sealed record SampleStep(Phase To, DateOnly At);
}

public static class SamplesFeature
{
    /// <summary>Loads the samples when <c>Samples:Load</c> is true (appsettings.Development.json sets it), once the database is migrated.</summary>
    public static void AddSamples(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SampleLoader>();
        builder.Services.AddOptions<SamplesOptions>().Bind(builder.Configuration.GetSection("Samples")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<SampleSetup>();
    }
}

/// <summary>Samples (section <c>Samples</c>), checked at start.</summary>
public sealed class SamplesOptions
{
    public bool Load { get; set; }

    /// <summary>Where <c>tables/*.json</c> are; default the <c>samples</c> folder beside the app.</summary>
    public string? Directory { get; set; }
}

/// <summary>Loads the samples at start, after the database is migrated (<see cref="DatabaseSetup"/> is registered first) and before the server listens.</summary>
internal sealed class SampleSetup(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<SamplesOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Load)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        // Loading creates whole tables: system work across tables.
        scope.ServiceProvider.GetRequiredService<TableScope>().EnterAllTables();
        await scope.ServiceProvider.GetRequiredService<SampleLoader>()
            .LoadAsync(options.Value.Directory ?? Path.Combine(AppContext.BaseDirectory, "samples"), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
