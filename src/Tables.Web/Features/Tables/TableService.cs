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
public sealed class TableService(TablesDbContext db, TableScope scope, IValidator<TableEdit> editValidator, IValidator<TableCreate> createValidator)
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
                // The home page lists every table the person may see, with their role in each: across tables by nature.
                Role = db.Memberships.IgnoreQueryFilters().Where(m => m.TableId == t.Id && m.UserId == userId).Select(m => (TableRole?)m.Role).FirstOrDefault(),
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
    /// Enters the table's scope — from now on this request, hub call or screen sees that table's rows only — and returns
    /// the person's access; null when the table does not exist, <b>or</b> they may not read it (a private table is not
    /// revealed), or this scope already serves another table.
    /// </summary>
    public async Task<TableAccess?> EnterAsync(ClaimsPrincipal user, string slug, CancellationToken ct = default) =>
        await db.Tables.FirstOrDefaultAsync(t => t.Slug == slug, ct) is { } table ? await EnterAsync(user, table, ct) : null;

    /// <inheritdoc cref="EnterAsync(ClaimsPrincipal, string, CancellationToken)"/>
    public async Task<TableAccess?> EnterAsync(ClaimsPrincipal user, int tableId, CancellationToken ct = default) =>
        await db.Tables.FirstOrDefaultAsync(t => t.Id == tableId, ct) is { } table ? await EnterAsync(user, table, ct) : null;

    private async Task<TableAccess?> EnterAsync(ClaimsPrincipal user, Table table, CancellationToken ct)
    {
        if (scope.AllTables || (scope.TableId is { } current && current != table.Id))
        {
            return null;
        }
        scope.Enter(table.Id);
        var userId = user.UserId();
        var role = userId is null
            ? null
            : await db.Memberships.Where(m => m.UserId == userId).Select(m => (TableRole?)m.Role).FirstOrDefaultAsync(ct);
        var access = new TableAccess(table, role, user.IsAdministrator());
        return access.CanRead ? access : null;
    }

    /// <summary>Forgets the rows this scope's context tracks: a screen reads again after a conflict.</summary>
    public void ForgetTracked() => db.ChangeTracker.Clear();

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
