using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Forums;

/// <summary>
/// Which table a forum, ballot or idea belongs to, and which forum a join code opens: the lookups made <b>before</b> a
/// table is in scope, to know which table to enter. They read keys across tables (so they ignore the table filter) and
/// return nothing else; what follows runs in the table's scope.
/// </summary>
public sealed class ForumDirectory(TablesDbContext db, TableService tables)
{
    /// <summary>The forum a join code opens, in any table (a phone knows the code, not the table).</summary>
    public Task<Forum?> FindByCodeAsync(string code, CancellationToken ct = default) =>
        // Join by code: the code is the only thing a resident has, and codes are unique across tables.
        db.Forums.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(f => f.JoinCode == code, ct);

    /// <summary>The themes of a forum's table (the phone's portrait step asks which one a testimony is about).</summary>
    public async Task<IReadOnlyList<string>> ThemesOfAsync(int tableId, CancellationToken ct = default) =>
        await db.Tables.AsNoTracking().Where(t => t.Id == tableId).Select(t => t.Themes).FirstOrDefaultAsync(ct) ?? [];

    /// <summary>Whether a join code is taken by any forum of any table (codes are unique across tables).</summary>
    public Task<bool> CodeTakenAsync(string code, CancellationToken ct = default) =>
        // Join codes are unique across every table: the check must see them all.
        db.Forums.IgnoreQueryFilters().AnyAsync(f => f.JoinCode == code, ct);

    /// <summary>The table of a forum, if it exists.</summary>
    public Task<int?> TableOfForumAsync(int forumId, CancellationToken ct = default) =>
        // Which table the forum is in, before any table is in scope.
        db.Forums.IgnoreQueryFilters().Where(f => f.Id == forumId).Select(f => (int?)f.TableId).FirstOrDefaultAsync(ct);

    /// <summary>The table of a ballot, if it exists.</summary>
    public Task<int?> TableOfBallotAsync(int ballotId, CancellationToken ct = default) =>
        // Which table the ballot is in, before any table is in scope.
        db.Ballots.IgnoreQueryFilters().Where(b => b.Id == ballotId).Select(b => (int?)b.TableId).FirstOrDefaultAsync(ct);

    /// <summary>Enters the scope of the forum's table and returns the person's access; null when unknown or unreadable.</summary>
    public async Task<TableAccess?> EnterForumAsync(ClaimsPrincipal user, int forumId, CancellationToken ct = default) =>
        await EnterAsync(user, await TableOfForumAsync(forumId, ct), ct);

    /// <inheritdoc cref="EnterForumAsync"/>
    public async Task<TableAccess?> EnterBallotAsync(ClaimsPrincipal user, int ballotId, CancellationToken ct = default) =>
        await EnterAsync(user, await TableOfBallotAsync(ballotId, ct), ct);

    /// <inheritdoc cref="EnterForumAsync"/>
    public async Task<TableAccess?> EnterIdeaAsync(ClaimsPrincipal user, int ideaId, CancellationToken ct = default) =>
        // Which table the idea is in, before any table is in scope.
        await EnterAsync(user, await db.Ideas.IgnoreQueryFilters().Where(i => i.Id == ideaId).Select(i => (int?)i.TableId).FirstOrDefaultAsync(ct), ct);

    private async Task<TableAccess?> EnterAsync(ClaimsPrincipal user, int? tableId, CancellationToken ct) =>
        tableId is { } id ? await tables.EnterAsync(user, id, ct) : null;
}
