using System.Globalization;
using System.Security.Claims;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;
using Tables.Web.Features.Accounts;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Portrait;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ImportAction>))]
public enum ImportAction
{
    Add,
    Update,
    Unchanged,
}

/// <summary>A field an import changes on an existing indicator, as shown to the person (formatted in their language).</summary>
public sealed record FieldChange(string Field, string Before, string After);

/// <summary>What one line of the file will do: add an indicator, update one (same theme, label and year), or nothing.</summary>
public sealed record ImportLine(int Line, ImportAction Action, IndicatorRow Row, int? IndicatorId, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// What an import will do, before it does it. <see cref="Basis"/> fingerprints the portrait's indicators as they were
/// read: applying with it refuses to run when someone changed them since (preview again).
/// </summary>
public sealed record ImportPreview(int Added, int Updated, int Unchanged, IReadOnlyList<ImportLine> Lines, IReadOnlyList<CsvError> Errors, string Basis)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>CSV import of indicators: preview (what will be added or changed, or every error) and apply (all or nothing, audited).</summary>
public sealed class IndicatorImport(TablesDbContext db, PortraitService portraits, IStringLocalizer<UiText> text)
{
    public async Task<ImportPreview> PreviewAsync(TableAccess access, int cycleId, ReadOnlyMemory<byte> file, ImportDefaults defaults, CancellationToken ct = default)
    {
        if (!access.CanPartner)
        {
            throw new ForbiddenException();
        }
        var (_, preview) = await PlanAsync(access, cycleId, file, defaults, ct);
        return preview;
    }

    /// <summary>
    /// Imports the file in one transaction, or nothing: any error in the file is a <see cref="ValidationException"/>
    /// (one failure per error, keyed "line:column"); a <paramref name="basis"/> that no longer matches is a conflict.
    /// </summary>
    public async Task<ImportPreview> ApplyAsync(TableAccess access, ClaimsPrincipal user, int cycleId, ReadOnlyMemory<byte> file, ImportDefaults defaults, string? basis,
        CancellationToken ct = default)
    {
        if (!access.CanPartner)
        {
            throw new ForbiddenException();
        }
        var (existing, preview) = await PlanAsync(access, cycleId, file, defaults, ct);
        if (!preview.IsValid)
        {
            throw new ValidationException(preview.Errors.Select(e => new ValidationFailure(e.Column is { } c ? $"{e.Line}:{e.ColumnName ?? c.ToString(CultureInfo.InvariantCulture)}" : $"{e.Line}",
                e.Message)));
        }
        if (basis is not null && basis != preview.Basis)
        {
            throw new ConflictException(null);
        }
        var actor = user.ToActor();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var portrait = await portraits.EnsurePortraitAsync(access, user, cycleId, ct);
            // Thousands of rows: written with prepared commands, not tracked one by one (docs/PERFORMANCE.md), and audited alike.
            var changes = new List<BulkAudit.Change>(preview.Added + preview.Updated);
            await using (var rows = await BulkRows<PortraitIndicator>.OpenAsync(db, ct))
            {
                foreach (var line in preview.Lines.Where(l => l.Action != ImportAction.Unchanged))
                {
                    if (line.Action == ImportAction.Add)
                    {
                        var added = new PortraitIndicator { TableId = access.Table.Id, PortraitId = portrait.Id, Version = Guid.NewGuid() };
                        line.Row.CopyTo(added);
                        await rows.InsertAsync(added, ct);
                        changes.Add(new BulkAudit.Change(added, AuditAction.Created, null));
                        continue;
                    }
                    var indicator = existing[line.Row.Key];
                    var before = db.AuditSnapshot(indicator);
                    var read = indicator.Version;
                    line.Row.CopyTo(indicator);
                    indicator.Version = Guid.NewGuid();
                    if (!await rows.UpdateAsync(indicator, read, ct))
                    {
                        // Changed or deleted since the file was read.
                        throw new ConflictException(null);
                    }
                    changes.Add(new BulkAudit.Change(indicator, AuditAction.Updated, before));
                }
            }
            await db.WriteAuditAsync(actor, changes, ct);
            await db.ChangedAsync(PortraitTopics.Of(cycleId), access.Table.Id, ct);
            await transaction.CommitAsync(ct);
            return preview;
        }
        catch (DbException e) when (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            // A constraint: someone added one of these indicators since the file was read (one per theme, label and year).
            throw new ConflictException(null);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<(Dictionary<string, PortraitIndicator> Existing, ImportPreview Preview)> PlanAsync(TableAccess access, int cycleId, ReadOnlyMemory<byte> file,
        ImportDefaults defaults, CancellationToken ct)
    {
        if (!await db.Cycles.AnyAsync(c => c.Id == cycleId && c.TableId == access.Table.Id, ct))
        {
            throw new NotFoundException();
        }
        var portraitId = await db.Portraits.Where(p => p.CycleId == cycleId && p.TableId == access.Table.Id).Select(p => p.Id).FirstOrDefaultAsync(ct);
        var existing = await db.PortraitIndicators.AsNoTracking().Where(i => i.PortraitId == portraitId).ToDictionaryAsync(i => i.Key, StringComparer.Ordinal, ct);
        var basis = Basis(existing.Values);
        var parsed = file.Length > IndicatorCsv.MaxBytes
            ? new IndicatorFile([], [new CsvError(1, null, null, text["Import.TooLarge", IndicatorCsv.MaxBytes / 1024 / 1024])])
            : IndicatorCsv.Read(file.Span, access.Table.Themes, defaults, text);
        if (!parsed.IsValid)
        {
            return (existing, new ImportPreview(0, 0, 0, [], parsed.Errors, basis));
        }
        var lines = new List<ImportLine>(parsed.Rows.Count);
        foreach (var row in parsed.Rows)
        {
            if (!existing.TryGetValue(row.Key, out var current))
            {
                lines.Add(new ImportLine(row.Line, ImportAction.Add, row, null, []));
                continue;
            }
            var changes = Changes(current, row);
            lines.Add(new ImportLine(row.Line, changes.Count == 0 ? ImportAction.Unchanged : ImportAction.Update, row, current.Id, changes));
        }
        return (existing, new ImportPreview(lines.Count(l => l.Action == ImportAction.Add), lines.Count(l => l.Action == ImportAction.Update),
            lines.Count(l => l.Action == ImportAction.Unchanged), lines, [], basis));
    }

    /// <summary>The fields a row changes, formatted for the person reading the preview.</summary>
    private List<FieldChange> Changes(PortraitIndicator current, IndicatorRow row)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string before, string after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(text[field], before, after));
            }
        }
        Compare("Field.Indicator", current.Label, row.Label);
        Compare("Field.Value", Figure(current.Value), Figure(row.Value));
        Compare("Field.Unit", current.Unit, row.Unit);
        Compare("Field.Source", current.Source, row.Source);
        Compare("Field.ComparisonTerritory", current.ComparisonTerritory ?? "", row.ComparisonTerritory ?? "");
        Compare("Field.ComparisonValue", current.ComparisonValue is { } a ? Figure(a) : "", row.ComparisonValue is { } b ? Figure(b) : "");
        Compare("Field.Note", current.Note ?? "", row.Note ?? "");
        Compare("Field.Knowledge", text[$"Knowledge.{current.Knowledge}"], text[$"Knowledge.{row.Knowledge}"]);
        Compare("Field.BroughtBy", current.BroughtBy, row.BroughtBy);
        return changes;
    }

    private static string Figure(decimal value) => value.ToString("#,0.######", CultureInfo.CurrentCulture);

    /// <summary>A fingerprint of the indicators an import reads: any add, change or deletion since changes it.</summary>
    private static string Basis(IEnumerable<PortraitIndicator> indicators)
    {
        var b = new StringBuilder();
        foreach (var i in indicators.OrderBy(i => i.Id))
        {
            b.Append(i.Id.ToString(CultureInfo.InvariantCulture)).Append(':').Append(i.Version.ToString("N")).Append(';');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(b.ToString())))[..32];
    }
}
