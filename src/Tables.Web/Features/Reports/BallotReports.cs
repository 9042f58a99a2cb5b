using Microsoft.EntityFrameworkCore;
using Tables.Reports;
using Tables.Reports.Models;
using Tables.Voting;
using Tables.Web.Data;
using Tables.Web.Features.Ballots;
using VotingBallot = Tables.Voting.Ballot;

namespace Tables.Web.Features.Reports;

/// <summary>
/// Closed ballots as the reports show them: the tally (counted again from the stored votes with the seed published at
/// close, so it is the stored result; no group goes into it, so no choice by group can come out of it), turnout, paper
/// and digital counts, and ballots per group with small groups folded. Choices by group are never given: the shared
/// projection of what a result may show to whom (the secrecy work, #12) is not on main yet; until then the reports
/// give less, never more.
/// </summary>
public sealed class BallotReports(TablesDbContext db)
{
    /// <summary>A group smaller than this is counted under « Autres » (so no one small group can be singled out).</summary>
    public const int SmallGroup = 5;

    /// <summary>The ballots whose result the room may see now (closed, and revealed when the table reveals by hand).</summary>
    public static bool Shown(Ballots.Ballot ballot) => ballot.Status == BallotStatus.Closed && ballot.ResultsVisible && ballot.Seed is not null;

    public async Task<IReadOnlyList<BallotReport>> ForAsync(IReadOnlyList<Ballots.Ballot> ballots, ReportCulture culture, CancellationToken ct)
    {
        var shown = ballots.Where(Shown).ToList();
        var ids = shown.Select(b => b.Id).ToList();
        var votes = (await db.Votes.AsNoTracking().Where(v => ids.Contains(v.BallotId)).ToListAsync(ct)).ToLookup(v => v.BallotId);
        var forums = shown.Select(b => b.ForumId).Distinct().ToList();
        var eligible = await db.Participants.AsNoTracking().Where(p => forums.Contains(p.ForumId)).GroupBy(p => p.ForumId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return shown.Select(b => Report(b, votes[b.Id].ToList(), eligible.GetValueOrDefault(b.ForumId), culture)).ToList();
    }

    private static BallotReport Report(Ballots.Ballot ballot, List<Vote> votes, long eligible, ReportCulture culture)
    {
        var tally = global::Tables.Voting.Tally.Count(ballot.Method, VotingBallotCounter.Tokens(ballot),
            votes.Select(v => VotingBallotCounter.ToVoting(v.Content, group: null)), VotingBallotCounter.Options(ballot, ballot.Seed));
        return new BallotReport
        {
            Question = ballot.Question,
            Method = ballot.Method,
            Options = ballot.Options.Select(o => new BallotOptionInfo(o.Token, o.Label)).ToList(),
            Result = tally,
            Secret = ballot.Secret,
            Participation = ParticipationMode.Open,
            MaxChoices = ballot.Settings.MaxChoices,
            MaxPoints = ballot.Settings.MaxPoints,
            MaxScore = ballot.Settings.MaxScore,
            Eligible = eligible > 0 ? eligible : null,
            PaperBallots = votes.Count(v => v.IsPaper),
            DigitalBallots = votes.Count(v => !v.IsPaper),
            OpenedAt = ballot.OpenedAt,
            ClosedAt = ballot.ClosedAt,
            TurnoutByGroup = Fold(votes.Where(v => !v.IsPaper).Select(v => v.Group), culture, noGroup: null),
        };
    }

    /// <summary>
    /// Counts per group, largest first, groups under <see cref="SmallGroup"/> folded into « Autres »; entries without a
    /// group under <paramref name="noGroup"/> (left out when null).
    /// </summary>
    public static IReadOnlyList<GroupCount> Fold(IEnumerable<string?> groups, ReportCulture culture, string? noGroup)
    {
        var counts = groups.Select(g => string.IsNullOrWhiteSpace(g) ? noGroup : g.Trim()).OfType<string>()
            .GroupBy(g => g, StringComparer.CurrentCultureIgnoreCase).Select(g => new GroupCount(g.First(), g.Count())).ToList();
        var kept = counts.Where(c => c.Count >= SmallGroup).OrderByDescending(c => c.Count).ThenBy(c => c.Group, StringComparer.CurrentCulture).ToList();
        var folded = counts.Where(c => c.Count < SmallGroup).Sum(c => c.Count);
        return folded > 0 ? [.. kept, new GroupCount(culture.Text("Common.Others"), folded)] : kept;
    }
}
