using System.Security.Claims;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Ballots;

/// <summary>
/// Setting a ballot up: a new draft in a forum (its options get tokens A, B, C…), changes while it is a draft, options
/// made from ideas. Callers pass a <see cref="TableAccess"/> already checked with <see cref="TablePolicies.Facilitate"/>.
/// </summary>
public sealed class BallotService(TablesDbContext db, IValidator<BallotSetup> validator, IStringLocalizer<UiText> text)
{
    /// <summary>A new draft ballot; with <paramref name="activityId"/> it becomes that vote activity's ballot.</summary>
    public async Task<Ballot> CreateAsync(TableAccess access, ClaimsPrincipal user, int forumId, BallotSetup setup, int? activityId = null, CancellationToken ct = default)
    {
        await validator.ValidateAndThrowAsync(setup, ct);
        var forum = await db.Forums.Include(f => f.Activities).FirstOrDefaultAsync(f => f.Id == forumId && f.TableId == access.Table.Id, ct) ?? throw new NotFoundException();
        var ballot = new Ballot { TableId = access.Table.Id, ForumId = forum.Id, Status = BallotStatus.Draft };
        Apply(ballot, setup);
        db.Ballots.Add(ballot);
        await db.SaveChangesAsync(user.ToActor(), ct);
        var activity = forum.Activities.FirstOrDefault(a => a.Id == activityId) ?? forum.Activities.FirstOrDefault(a => a.Kind == ActivityKind.Vote && a.BallotId is null);
        if (activity is not null)
        {
            activity.BallotId = ballot.Id;
            await db.SaveChangesAsync(user.ToActor(), ct);
        }
        return ballot;
    }

    /// <summary>Changes a ballot's question, method, options or visibility while it is a draft.</summary>
    public async Task UpdateAsync(TableAccess access, ClaimsPrincipal user, int ballotId, BallotSetup setup, CancellationToken ct = default)
    {
        var ballot = await db.Ballots.FirstOrDefaultAsync(b => b.Id == ballotId && b.TableId == access.Table.Id, ct) ?? throw new NotFoundException();
        if (ballot.Status != BallotStatus.Draft)
        {
            throw new ForumException(text["Ballot.NotDraft"]);
        }
        await validator.ValidateAndThrowAsync(setup, ct);
        Apply(ballot, setup);
        await db.SaveChangesAsync(user.ToActor(), ct);
    }

    /// <summary>Options made from ideas: their text becomes the option label.</summary>
    public async Task<List<string>> OptionsFromIdeasAsync(TableAccess access, IEnumerable<int> ideaIds, CancellationToken ct = default)
    {
        var ids = ideaIds.ToList();
        var ideas = await db.Ideas.AsNoTracking().Where(i => ids.Contains(i.Id) && i.TableId == access.Table.Id).ToListAsync(ct);
        return ids.Select(id => ideas.FirstOrDefault(i => i.Id == id)?.Text).OfType<string>().ToList();
    }

    /// <summary>A, B, … Z, AA, AB…: short tokens for exports and ABIF.</summary>
    public static string OptionToken(int index) => index < 26 ? ((char)('A' + index)).ToString() : OptionToken(index / 26 - 1) + (char)('A' + index % 26);

    private static void Apply(Ballot ballot, BallotSetup setup)
    {
        ballot.Question = setup.Question.Trim();
        ballot.Method = setup.Method;
        ballot.Settings = setup.Settings;
        ballot.Options = setup.Options.Select((label, i) => new BallotOption { Token = OptionToken(i), Label = label.Trim() }).ToList();
        ballot.Secret = setup.Secret;
        ballot.Visibility = setup.Visibility;
    }
}
