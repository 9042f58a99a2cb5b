using System.Security.Claims;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Members;

namespace Tables.Web.Features.Tables;

/// <summary>A table as listed on the home page and by the API.</summary>
public sealed record TableSummary(string Slug, string Name, string Neighbourhood, bool IsPublic, TableRole? Role);

/// <summary>Reading and editing tables, for the screens and the API alike.</summary>
public sealed class TableService(TablesDbContext db, IValidator<TableEdit> editValidator, IValidator<TableCreate> createValidator)
{
    /// <summary>Tables the person belongs to, then public ones, by name.</summary>
    public async Task<IReadOnlyList<TableSummary>> ListVisibleAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.UserId();
        var admin = user.IsAdministrator();
        var rows = await db.Tables.AsNoTracking()
            .Select(t => new
            {
                t.Slug,
                t.Name,
                t.Neighbourhood,
                t.IsPublic,
                Role = db.Memberships.Where(m => m.TableId == t.Id && m.UserId == userId).Select(m => (TableRole?)m.Role).FirstOrDefault(),
            })
            .Where(t => t.IsPublic || t.Role != null || admin)
            .ToListAsync(ct);
        return rows
            .Select(t => new TableSummary(t.Slug, t.Name, t.Neighbourhood, t.IsPublic, t.Role))
            .OrderBy(t => t.Role is null)
            .ThenBy(t => t.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>
    /// The person's access to a table, or null when the table does not exist <b>or</b> they may not read it
    /// (a private table is not revealed). Sets the context's tenant so later queries see only this table.
    /// </summary>
    /// <summary>The person's access to the table a forum belongs to; null when there is no such forum or they may not read it.</summary>
    public async Task<TableAccess?> GetForumAccessAsync(ClaimsPrincipal user, int forumId, CancellationToken ct = default)
    {
        var slug = await db.Forums.IgnoreQueryFilters().Where(f => f.Id == forumId)
            .Join(db.Tables, f => f.TableId, t => t.Id, (f, t) => t.Slug).FirstOrDefaultAsync(ct);
        return slug is null ? null : await GetAccessAsync(user, slug, ct);
    }

    public async Task<TableAccess?> GetAccessAsync(ClaimsPrincipal user, string slug, CancellationToken ct = default)
    {
        var table = await db.Tables.FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (table is null)
        {
            return null;
        }
        var userId = user.UserId();
        var role = userId is null
            ? null
            : await db.Memberships.IgnoreQueryFilters().Where(m => m.TableId == table.Id && m.UserId == userId).Select(m => (TableRole?)m.Role).FirstOrDefaultAsync(ct);
        var access = new TableAccess(table, role, user.IsAdministrator());
        if (!access.CanRead)
        {
            return null;
        }
        db.TenantId = table.Id;
        return access;
    }

    public async Task UpdateAsync(TableAccess access, ClaimsPrincipal user, TableEdit edit, CancellationToken ct = default)
    {
        await editValidator.ValidateAndThrowAsync(edit, ct);
        var table = access.Table;
        db.Entry(table).Property(t => t.Version).OriginalValue = edit.Version ?? table.Version;
        table.Name = edit.Name.Trim();
        table.Neighbourhood = edit.Neighbourhood.Trim();
        table.Description = edit.Description?.Trim() ?? "";
        table.DefaultLanguage = edit.DefaultLanguage;
        table.IsPublic = edit.IsPublic;
        table.Themes = edit.Themes.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.CurrentCultureIgnoreCase).ToList();
        await db.SaveChangesAsync(user.ToActor(), ct);
    }

    /// <summary>Creates a table; the creator becomes its coordinator.</summary>
    public async Task<Table> CreateAsync(ClaimsPrincipal user, TableCreate create, CancellationToken ct = default)
    {
        await createValidator.ValidateAndThrowAsync(create, ct);
        var table = new Table
        {
            Name = create.Name.Trim(),
            Slug = create.Slug,
            Neighbourhood = create.Neighbourhood.Trim(),
            Description = create.Description?.Trim() ?? "",
            DefaultLanguage = create.DefaultLanguage,
            IsPublic = create.IsPublic,
            Themes = [.. Table.DefaultThemes],
        };
        db.Tables.Add(table);
        if (user.UserId() is { } userId)
        {
            db.Memberships.Add(new Membership { Table = table, UserId = userId, Role = TableRole.Coordinator });
        }
        await db.SaveChangesAsync(user.ToActor(), ct);
        return table;
    }
}
