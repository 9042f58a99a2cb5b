using System.Security.Claims;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Portrait;

/// <summary>Writes of the portrait's items: partners and staff add, edit and delete; facilitators enter and moderate testimonies.</summary>
public sealed partial class PortraitService
{
    public Task<PortraitIndicator> SaveIndicatorAsync(TableAccess access, ClaimsPrincipal user, int cycleId, int? id, IndicatorEdit edit, CancellationToken ct = default) =>
        SaveItemAsync<PortraitIndicator, IndicatorEdit>(access, user, cycleId, id, edit, edit.Version, indicatorValidator, edit.Theme, IndicatorEdit.From, async (item, theme) =>
        {
            var key = IndicatorKey(theme, edit.Label, edit.Year!.Value);
            if (await db.PortraitIndicators.AnyAsync(i => i.PortraitId == item.PortraitId && i.Key == key && i.Id != item.Id, ct))
            {
                throw Invalid(nameof(IndicatorEdit.Label), text["Validation.IndicatorExists", edit.Label.Trim(), edit.Year!.Value, theme]);
            }
            item.Theme = theme;
            item.Label = edit.Label.Trim();
            item.Value = edit.Value!.Value;
            item.Unit = edit.Unit.Trim();
            item.Year = edit.Year!.Value;
            item.Source = edit.Source.Trim();
            item.ComparisonTerritory = Optional(edit.ComparisonTerritory);
            item.ComparisonValue = item.ComparisonTerritory is null ? null : edit.ComparisonValue;
            item.Note = Optional(edit.Note);
            item.Knowledge = edit.Knowledge!.Value;
            item.BroughtBy = edit.BroughtBy.Trim();
            item.Key = key;
        }, ct);

    public Task<PortraitNarrative> SaveNarrativeAsync(TableAccess access, ClaimsPrincipal user, int cycleId, int? id, NarrativeEdit edit, CancellationToken ct = default) =>
        SaveItemAsync<PortraitNarrative, NarrativeEdit>(access, user, cycleId, id, edit, edit.Version, narrativeValidator, edit.Theme, NarrativeEdit.From, (item, theme) =>
        {
            item.Theme = theme;
            item.Section = edit.Section!.Value;
            item.Title = edit.Title.Trim();
            item.Body = edit.Body.Trim();
            item.BodyHtml = markdown.ToSafeHtml(item.Body);
            item.Knowledge = edit.Knowledge!.Value;
            item.BroughtBy = edit.BroughtBy.Trim();
            return Task.CompletedTask;
        }, ct);

    public Task<PortraitResource> SaveResourceAsync(TableAccess access, ClaimsPrincipal user, int cycleId, int? id, ResourceEdit edit, CancellationToken ct = default) =>
        SaveItemAsync<PortraitResource, ResourceEdit>(access, user, cycleId, id, edit, edit.Version, resourceValidator, edit.Theme, ResourceEdit.From, (item, theme) =>
        {
            item.Theme = theme;
            item.Name = edit.Name.Trim();
            item.Description = Optional(edit.Description);
            item.Address = edit.Address.Trim();
            item.Contact = Optional(edit.Contact);
            item.Website = Optional(edit.Website);
            item.Knowledge = edit.Knowledge!.Value;
            item.BroughtBy = edit.BroughtBy.Trim();
            return Task.CompletedTask;
        }, ct);

    public Task DeleteIndicatorAsync(TableAccess access, ClaimsPrincipal user, int cycleId, int id, Guid? version, CancellationToken ct = default) =>
        DeleteItemAsync<PortraitIndicator>(access, user, cycleId, id, version, i => IndicatorEdit.From(i), ct);

    public Task DeleteNarrativeAsync(TableAccess access, ClaimsPrincipal user, int cycleId, int id, Guid? version, CancellationToken ct = default) =>
        DeleteItemAsync<PortraitNarrative>(access, user, cycleId, id, version, n => NarrativeEdit.From(n), ct);

    public Task DeleteResourceAsync(TableAccess access, ClaimsPrincipal user, int cycleId, int id, Guid? version, CancellationToken ct = default) =>
        DeleteItemAsync<PortraitResource>(access, user, cycleId, id, version, r => ResourceEdit.From(r), ct);

    /// <summary>A testimony typed by a facilitator from paper or a kiosk: they moderate as they type, so it is accepted.</summary>
    public async Task<Testimony> AddPaperTestimonyAsync(TableAccess access, ClaimsPrincipal user, int cycleId, TestimonyEdit edit, CancellationToken ct = default)
    {
        Require(access.CanFacilitate);
        await testimonyValidator.ValidateAndThrowAsync(edit, ct);
        var theme = ResolveTheme(access, edit.Theme, null);
        var portrait = await EnsurePortraitAsync(access, user, cycleId, ct);
        var testimony = new Testimony
        {
            TableId = access.Table.Id, PortraitId = portrait.Id, Theme = theme, Text = edit.Text.Trim(), SignedName = Optional(edit.SignedName),
            FromPaper = true, Status = TestimonyStatus.Accepted, CreatedAt = clock.GetUtcNow().UtcDateTime, BroughtBy = text["Testimony.Paper"],
        };
        db.Testimonies.Add(testimony);
        await SaveAsync(access, cycleId, user, () => null, ct);
        return testimony;
    }

    /// <summary>Accepts a testimony into the portrait (lived experience) or sets it aside (facilitation).</summary>
    public async Task<Testimony> ModerateTestimonyAsync(TableAccess access, ClaimsPrincipal user, int cycleId, int id, TestimonyModeration moderation, CancellationToken ct = default)
    {
        Require(access.CanFacilitate);
        await moderationValidator.ValidateAndThrowAsync(moderation, ct);
        var portrait = await FindAsync(access, cycleId, ct) ?? throw new NotFoundException();
        var testimony = await db.Testimonies.FirstOrDefaultAsync(t => t.Id == id && t.PortraitId == portrait.Id, ct) ?? throw new NotFoundException();
        testimony.Status = moderation.Status!.Value;
        await SaveAsync(access, cycleId, user, () => null, ct);
        return testimony;
    }

    /// <summary>
    /// Adds (<paramref name="id"/> null) or updates an item. An update names the version it started from: when the item
    /// changed since, the save is refused with the item as it is now (<see cref="ConflictException"/>), never overwritten.
    /// </summary>
    private async Task<T> SaveItemAsync<T, TEdit>(TableAccess access, ClaimsPrincipal user, int cycleId, int? id, TEdit edit, Guid? version,
        IValidator<TEdit> validator, string theme, Func<T, TEdit> snapshot, Func<T, string, Task> apply, CancellationToken ct)
        where T : class, IPortraitItem, IVersioned, new()
        where TEdit : class
    {
        Require(access.CanPartner);
        await validator.ValidateAndThrowAsync(edit, ct);
        T item;
        if (id is null)
        {
            var resolved = ResolveTheme(access, theme, null);
            var portrait = await EnsurePortraitAsync(access, user, cycleId, ct);
            item = new T { TableId = access.Table.Id, PortraitId = portrait.Id };
            try
            {
                await apply(item, resolved);
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
            db.Add(item);
        }
        else
        {
            if (version is null)
            {
                throw Invalid("Version", text["Validation.VersionRequired"]);
            }
            item = await TrackItemAsync<T>(access, cycleId, id.Value, version.Value, i => snapshot(i), ct);
            try
            {
                await apply(item, ResolveTheme(access, theme, item.Theme));
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
        await SaveAsync(access, cycleId, user, () => snapshot(item), ct);
        return item;
    }

    private async Task DeleteItemAsync<T>(TableAccess access, ClaimsPrincipal user, int cycleId, int id, Guid? version, Func<T, object> snapshot, CancellationToken ct)
        where T : class, IPortraitItem, IVersioned
    {
        Require(access.CanPartner);
        var item = await TrackItemAsync(access, cycleId, id, version, snapshot, ct);
        db.Remove(item);
        await SaveAsync(access, cycleId, user, () => snapshot(item), ct);
    }

    /// <summary>The item, tracked with the version the caller started from as its concurrency token.</summary>
    private async Task<T> TrackItemAsync<T>(TableAccess access, int cycleId, int id, Guid? version, Func<T, object> snapshot, CancellationToken ct)
        where T : class, IPortraitItem, IVersioned
    {
        var portrait = await FindAsync(access, cycleId, ct) ?? throw new NotFoundException();
        var item = await db.Set<T>().FirstOrDefaultAsync(i => i.Id == id && i.PortraitId == portrait.Id && i.TableId == access.Table.Id, ct)
            ?? throw new NotFoundException();
        if (version is { } v && v != item.Version)
        {
            var current = snapshot(item);
            db.ChangeTracker.Clear();
            throw new ConflictException(current);
        }
        db.Entry(item).Property(i => i.Version).OriginalValue = version ?? item.Version;
        return item;
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
