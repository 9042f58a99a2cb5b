using System.Globalization;
using System.Security.Claims;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Portrait;

/// <summary>
/// The portrait of a cycle, for the screens and the API alike: reading (members always, anyone when the table is
/// public and the portrait published), publishing, copying the previous cycle's portrait, and every item's writes
/// (<c>PortraitService.Items.cs</c>). Callers pass a <see cref="TableAccess"/>; each write checks the right it needs.
/// </summary>
public sealed partial class PortraitService(
    TablesDbContext db,
    IValidator<IndicatorEdit> indicatorValidator,
    IValidator<NarrativeEdit> narrativeValidator,
    IValidator<ResourceEdit> resourceValidator,
    IValidator<TestimonyEdit> testimonyValidator,
    IValidator<TestimonyModeration> moderationValidator,
    IValidator<PortraitSettings> settingsValidator,
    PortraitMarkdown markdown,
    IStringLocalizer<UiText> text,
    TimeProvider clock)
{
    /// <summary>Members read the portrait as it is being written; others only once it is published on a public table.</summary>
    public static bool CanRead(TableAccess access, CyclePortrait? portrait) =>
        access.IsMember || access.IsAdministrator || access.Table.IsPublic && portrait?.IsPublic == true;

    public async Task<Cycle> FindCycleAsync(TableAccess access, int cycleId, CancellationToken ct = default) =>
        await db.Cycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId && c.TableId == access.Table.Id, ct) ?? throw new NotFoundException();

    /// <summary>
    /// The portrait by theme. Facilitators also see testimonies waiting for moderation or set aside
    /// (<paramref name="forModeration"/>); everyone else sees accepted ones only.
    /// </summary>
    public async Task<PortraitView> ReadAsync(TableAccess access, int cycleId, bool forModeration = false, CancellationToken ct = default)
    {
        var cycle = await FindCycleAsync(access, cycleId, ct);
        var portrait = await db.Portraits.AsNoTracking().FirstOrDefaultAsync(p => p.CycleId == cycleId && p.TableId == access.Table.Id, ct);
        if (!CanRead(access, portrait))
        {
            throw new ForbiddenException();
        }
        var id = portrait?.Id ?? 0;
        var allTestimonies = forModeration && access.CanFacilitate;
        var themes = PortraitViews.Themes(
            access.Table.Themes,
            await db.PortraitIndicators.AsNoTracking().Where(i => i.PortraitId == id).ToListAsync(ct),
            await db.PortraitNarratives.AsNoTracking().Where(n => n.PortraitId == id).ToListAsync(ct),
            await db.PortraitResources.AsNoTracking().Where(r => r.PortraitId == id).ToListAsync(ct),
            await db.Testimonies.AsNoTracking().Where(t => t.PortraitId == id && (allTestimonies || t.Status == TestimonyStatus.Accepted)).ToListAsync(ct));
        var previous = access.IsMember || access.IsAdministrator ? await PreviousAsync(access, cycle, ct) : null;
        return new PortraitView(cycle.Id, cycle.Title, portrait?.IsPublic == true, portrait?.Version, themes, previous);
    }

    /// <summary>The portrait row only (publication state), or null when nothing was written yet.</summary>
    public Task<CyclePortrait?> FindAsync(TableAccess access, int cycleId, CancellationToken ct = default) =>
        db.Portraits.AsNoTracking().FirstOrDefaultAsync(p => p.CycleId == cycleId && p.TableId == access.Table.Id, ct);

    /// <summary>
    /// Who a new item is brought by unless the person says otherwise (their organisation, else their name), and the
    /// names to suggest: the table's organisations and those already used in this portrait.
    /// </summary>
    public async Task<Contributors> ContributorsAsync(TableAccess access, ClaimsPrincipal user, int cycleId, CancellationToken ct = default)
    {
        var userId = user.UserId();
        var own = userId is null ? null
            : await db.Memberships.Where(m => m.TableId == access.Table.Id && m.UserId == userId).Select(m => m.Organisation!.Name).FirstOrDefaultAsync(ct);
        var names = await db.Organisations.Where(o => o.TableId == access.Table.Id).Select(o => o.Name).ToListAsync(ct);
        var id = await db.Portraits.Where(p => p.CycleId == cycleId && p.TableId == access.Table.Id).Select(p => p.Id).FirstOrDefaultAsync(ct);
        names.AddRange(await db.PortraitIndicators.Where(i => i.PortraitId == id).Select(i => i.BroughtBy).Distinct().ToListAsync(ct));
        names.AddRange(await db.PortraitNarratives.Where(n => n.PortraitId == id).Select(n => n.BroughtBy).Distinct().ToListAsync(ct));
        return new Contributors(own ?? user.ToActor().Name, names.Distinct(StringComparer.CurrentCultureIgnoreCase).Order(StringComparer.CurrentCulture).ToList());
    }

    /// <summary>The cycle that started last before this one, with how many items its portrait holds.</summary>
    private async Task<PreviousPortrait?> PreviousAsync(TableAccess access, Cycle cycle, CancellationToken ct)
    {
        var previous = await db.Cycles.AsNoTracking()
            .Where(c => c.TableId == access.Table.Id && c.Id != cycle.Id && c.Start <= cycle.Start)
            .OrderByDescending(c => c.Start).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        return previous is null ? null : new PreviousPortrait(previous.Id, previous.Title, await CountItemsAsync(previous.Id, ct));
    }

    private async Task<int> CountItemsAsync(int cycleId, CancellationToken ct)
    {
        var id = await db.Portraits.Where(p => p.CycleId == cycleId).Select(p => p.Id).FirstOrDefaultAsync(ct);
        return id == 0 ? 0
            : await db.PortraitIndicators.CountAsync(i => i.PortraitId == id, ct) + await db.PortraitNarratives.CountAsync(n => n.PortraitId == id, ct)
              + await db.PortraitResources.CountAsync(r => r.PortraitId == id, ct);
    }

    /// <summary>Publishes or withdraws the portrait (coordination). The version guards against two coordinators at once.</summary>
    public async Task<CyclePortrait> SetPublicAsync(TableAccess access, ClaimsPrincipal user, int cycleId, PortraitSettings settings, CancellationToken ct = default)
    {
        Require(access.CanCoordinate);
        await settingsValidator.ValidateAndThrowAsync(settings, ct);
        var portrait = await EnsurePortraitAsync(access, user, cycleId, ct);
        if (settings.Version is { } version && version != portrait.Version)
        {
            throw new ConflictException(new PortraitSettings { IsPublic = portrait.IsPublic, Version = portrait.Version });
        }
        portrait.IsPublic = settings.IsPublic!.Value;
        await SaveAsync(access, cycleId, user, () => new PortraitSettings { IsPublic = portrait.IsPublic, Version = portrait.Version }, ct);
        return portrait;
    }

    /// <summary>
    /// Copies another cycle's portrait — by default the previous cycle's — into this cycle's, which must be empty:
    /// indicators, narratives and resources keep their kind of knowledge and who brought them. Testimonies stay with
    /// their cycle: residents' lived experience is gathered anew. The copy is not published.
    /// </summary>
    public async Task<int> CopyAsync(TableAccess access, ClaimsPrincipal user, int cycleId, PortraitCopy copy, CancellationToken ct = default)
    {
        Require(access.CanPartner);
        var cycle = await FindCycleAsync(access, cycleId, ct);
        var fromCycleId = copy.FromCycleId ?? (await PreviousAsync(access, cycle, ct))?.CycleId;
        if (fromCycleId is null || fromCycleId == cycleId || !await db.Cycles.AnyAsync(c => c.Id == fromCycleId && c.TableId == access.Table.Id, ct))
        {
            throw Invalid(nameof(PortraitCopy.FromCycleId), text["Validation.NoPortraitToCopy"]);
        }
        var from = await db.Portraits.AsNoTracking().FirstOrDefaultAsync(p => p.CycleId == fromCycleId, ct);
        if (from is null || await CountItemsAsync(fromCycleId.Value, ct) == 0)
        {
            throw Invalid(nameof(PortraitCopy.FromCycleId), text["Validation.NoPortraitToCopy"]);
        }
        if (await CountItemsAsync(cycleId, ct) > 0)
        {
            throw Invalid(nameof(PortraitCopy.FromCycleId), text["Validation.PortraitNotEmpty"]);
        }
        var to = await EnsurePortraitAsync(access, user, cycleId, ct);
        var indicators = await db.PortraitIndicators.AsNoTracking().Where(i => i.PortraitId == from.Id).ToListAsync(ct);
        var narratives = await db.PortraitNarratives.AsNoTracking().Where(n => n.PortraitId == from.Id).ToListAsync(ct);
        var resources = await db.PortraitResources.AsNoTracking().Where(r => r.PortraitId == from.Id).ToListAsync(ct);
        foreach (var i in indicators)
        {
            i.Id = 0;
            i.PortraitId = to.Id;
        }
        foreach (var n in narratives)
        {
            n.Id = 0;
            n.PortraitId = to.Id;
        }
        foreach (var r in resources)
        {
            r.Id = 0;
            r.PortraitId = to.Id;
        }
        db.PortraitIndicators.AddRange(indicators);
        db.PortraitNarratives.AddRange(narratives);
        db.PortraitResources.AddRange(resources);
        await SaveAsync(access, cycleId, user, () => null, ct);
        return indicators.Count + narratives.Count + resources.Count;
    }

    /// <summary>The cycle's portrait row, created on the first write (audited like any other).</summary>
    internal async Task<CyclePortrait> EnsurePortraitAsync(TableAccess access, ClaimsPrincipal user, int cycleId, CancellationToken ct)
    {
        await FindCycleAsync(access, cycleId, ct);
        var portrait = await db.Portraits.FirstOrDefaultAsync(p => p.CycleId == cycleId && p.TableId == access.Table.Id, ct);
        if (portrait is not null)
        {
            return portrait;
        }
        portrait = new CyclePortrait { TableId = access.Table.Id, CycleId = cycleId };
        db.Portraits.Add(portrait);
        try
        {
            await db.SaveChangesAsync(user.ToActor(), ct);
            return portrait;
        }
        catch (DbUpdateException)
        {
            // Someone created it at the same moment (one portrait per cycle): use theirs.
            db.ChangeTracker.Clear();
            return await db.Portraits.FirstAsync(p => p.CycleId == cycleId && p.TableId == access.Table.Id, ct);
        }
    }

    /// <summary>
    /// Saves with the audit. A write that lost a race on the version becomes a <see cref="ConflictException"/>
    /// carrying the row as it is now; any failure leaves the context clean (screens keep one for their lifetime). The
    /// portrait's live topic changes in the same transaction, so every open portrait page reads it again once committed.
    /// </summary>
    private async Task SaveAsync(TableAccess access, int cycleId, ClaimsPrincipal user, Func<object?> current, CancellationToken ct)
    {
        try
        {
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await db.SaveChangesAsync(user.ToActor(), ct);
            await db.ChangedAsync(PortraitTopics.Of(cycleId), access.Table.Id, ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException e)
        {
            // Someone saved between our read and our write: read their row back into ours to say what it is now.
            var entry = e.Entries.FirstOrDefault();
            var values = entry is null ? null : await entry.GetDatabaseValuesAsync(ct);
            if (values is not null)
            {
                entry!.OriginalValues.SetValues(values);
                entry.CurrentValues.SetValues(values);
            }
            var now = values is null ? null : current();
            db.ChangeTracker.Clear();
            throw new ConflictException(now);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private static void Require(bool allowed)
    {
        if (!allowed)
        {
            throw new ForbiddenException();
        }
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    /// <summary>The table's spelling of a theme (case and accents ignored); an item may keep a theme the table has since removed.</summary>
    private string ResolveTheme(TableAccess access, string theme, string? current)
    {
        theme = theme.Trim();
        var match = access.Table.Themes.FirstOrDefault(t => SameText(t, theme));
        if (match is not null)
        {
            return match;
        }
        if (current is not null && SameText(current, theme))
        {
            return current;
        }
        throw Invalid("Theme", text["Validation.UnknownTheme", theme, string.Join(", ", access.Table.Themes)]);
    }

    internal static bool SameText(string a, string b) =>
        string.Compare(a.Trim(), b.Trim(), CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;

    /// <summary>Theme + label + year, normalised (case, spaces, Unicode form): what identifies an indicator in a portrait.</summary>
    public static string IndicatorKey(string theme, string label, int year) =>
        $"{Normalise(theme)}\u001f{Normalise(label)}\u001f{year.ToString(CultureInfo.InvariantCulture)}";

    private static string Normalise(string s) =>
        string.Join(' ', s.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

/// <summary>Who brings a new item by default, and names to suggest.</summary>
public sealed record Contributors(string Default, IReadOnlyList<string> Suggestions);
