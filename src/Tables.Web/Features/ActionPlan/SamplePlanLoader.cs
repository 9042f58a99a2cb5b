using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;

namespace Tables.Web.Features.ActionPlan;

/// <summary>
/// Loads <c>samples/plans/*.json</c>: a sample cycle's action plan under the priorities its forum chose, and the links
/// from the forum's ideas to the ballot options they fed, so "what became of my idea" shows end to end. Idempotent: a
/// cycle that already has objectives is skipped. Sample rows are not audited (they are not changes anyone made).
/// </summary>
public sealed class SamplePlanLoader(TablesDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task LoadAsync(string directory, CancellationToken ct = default)
    {
        var folder = Path.Combine(directory, "plans");
        if (!Directory.Exists(folder))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            var sample = await JsonSerializer.DeserializeAsync<SamplePlan>(stream, Json, ct) ?? throw new InvalidDataException($"{file} is empty.");
            await LoadAsync(sample, ct);
        }
    }

    private async Task LoadAsync(SamplePlan sample, CancellationToken ct)
    {
        var table = await db.Tables.FirstOrDefaultAsync(t => t.Slug == sample.Table, ct);
        var cycle = table is null ? null : await db.Cycles.FirstOrDefaultAsync(c => c.TableId == table.Id && c.Title == sample.Cycle, ct);
        if (table is null || cycle is null || await db.Objectives.AnyAsync(o => o.CycleId == cycle.Id, ct))
        {
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ballot = await db.Ballots.FirstAsync(b => b.TableId == table.Id && b.Question == sample.Ballot, ct);
        var ideas = await db.Ideas.Where(i => i.ForumId == ballot.ForumId).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
        // Each option was made from one of the forum's ideas (the chain's first link).
        ballot.Options = ballot.Options.Select(o => new BallotOption
        {
            Token = o.Token, Label = o.Label, IdeaId = sample.OptionIdeas.TryGetValue(o.Token, out var index) ? ideas[index] : o.IdeaId,
        }).ToList();
        var organisations = await db.Organisations.Where(o => o.TableId == table.Id).ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        var people = await db.Memberships.Where(m => m.TableId == table.Id).Select(m => new { m.User!.Email, m.User.DisplayName, m.OrganisationId }).ToListAsync(ct);
        var priorities = await db.Priorities.Where(p => p.CycleId == cycle.Id).ToListAsync(ct);
        db.PlanSettings.Add(new PlanSettings { TableId = table.Id, CycleId = cycle.Id, Published = sample.Published, ShowBudgets = sample.ShowBudgets });

        foreach (var p in sample.Priorities)
        {
            var label = ballot.Options.Single(o => o.Token == p.Option).Label;
            var priority = priorities.Single(x => x.Title == label);
            foreach (var (o, oi) in p.Objectives.Select((o, i) => (o, i)))
            {
                var objective = new Objective { TableId = table.Id, CycleId = cycle.Id, PriorityId = priority.Id, Title = o.Title, Order = oi + 1 };
                db.Objectives.Add(objective);
                await db.SaveChangesAsync(ct);
                foreach (var (a, ai) in o.Actions.Select((a, i) => (a, i)))
                {
                    var action = new ActionItem
                    {
                        TableId = table.Id, CycleId = cycle.Id, ObjectiveId = objective.Id, Order = ai + 1, Title = a.Title, Description = a.Description ?? "",
                        Theme = a.Theme, Tag = a.Tag, LeadOrganisationId = organisations[a.Lead], WorkingGroup = a.WorkingGroup, Start = a.Start, End = a.End,
                        Status = a.Status, Progress = a.Progress,
                        UpdatedAt = (a.Journal.Count > 0 ? a.Journal.Max(j => j.On) : a.Start ?? DateOnly.FromDateTime(DateTime.UtcNow)).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
                        Partners = a.Partners.Select(name => new ActionPartner { TableId = table.Id, OrganisationId = organisations[name] }).ToList(),
                        Ideas = a.Ideas.Select(i => new ActionIdea { TableId = table.Id, IdeaId = ideas[i] }).ToList(),
                        Funding = a.Funding.Select(f => new FundingLine { TableId = table.Id, Funder = f.Funder, Amount = f.Amount, Status = f.Status }).ToList(),
                        Milestones = a.Milestones.Select(m => new Milestone { TableId = table.Id, Title = m.Title, Due = m.Due, Done = m.Done, DoneOn = m.Done ? m.Due : null }).ToList(),
                        Indicators = a.Indicators.Select(i => new Indicator { TableId = table.Id, Label = i.Label, Unit = i.Unit, Baseline = i.Baseline, Target = i.Target }).ToList(),
                    };
                    db.Actions.Add(action);
                    await db.SaveChangesAsync(ct);
                    foreach (var (indicator, values) in action.Indicators.Zip(a.Indicators.Select(i => i.Values)))
                    {
                        db.IndicatorValues.AddRange(values.Select(v => new IndicatorValue { TableId = table.Id, ActionId = action.Id, IndicatorId = indicator.Id, On = v.On, Value = v.Value }));
                    }
                    foreach (var j in a.Journal)
                    {
                        var author = people.First(x => x.Email == j.Author);
                        db.Journal.Add(new JournalEntry
                        {
                            TableId = table.Id, CycleId = cycle.Id, ActionId = action.Id, On = j.On, At = j.On.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc),
                            AuthorName = author.DisplayName, OrganisationName = organisations.FirstOrDefault(x => x.Value == author.OrganisationId).Key,
                            Text = j.Text, Status = j.Status, Progress = j.Progress,
                        });
                    }
                }
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private sealed record SamplePlan(string Table, string Cycle, bool Published, bool ShowBudgets, string Ballot, Dictionary<string, int> OptionIdeas, List<SamplePriority> Priorities);
    private sealed record SamplePriority(string Option, List<SampleObjective> Objectives);
    private sealed record SampleObjective(string Title, List<SampleAction> Actions);
    private sealed record SampleAction(string Title, string? Description, string? Theme, TransitionTag Tag, string Lead, List<string> Partners, string? WorkingGroup,
        DateOnly? Start, DateOnly? End, ActionStatus Status, int Progress, List<int> Ideas, List<SampleFunding> Funding, List<SampleMilestone> Milestones,
        List<SampleIndicator> Indicators, List<SampleJournal> Journal);
    private sealed record SampleFunding(string Funder, decimal Amount, FundingStatus Status);
    private sealed record SampleMilestone(string Title, DateOnly Due, bool Done);
    private sealed record SampleIndicator(string Label, string Unit, decimal? Baseline, decimal? Target, List<SampleValue> Values);
    private sealed record SampleValue(DateOnly On, decimal Value);
    private sealed record SampleJournal(DateOnly On, string Author, string Text, ActionStatus? Status, int? Progress);
}
