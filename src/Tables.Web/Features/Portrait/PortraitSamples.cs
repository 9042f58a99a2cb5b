using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Data.Auditing;
using Tables.Web.Resources;

namespace Tables.Web.Features.Portrait;

/// <summary>
/// Loads the fictional portraits of <c>samples/portraits/{slug}.json</c> for a sample table that was just loaded:
/// indicators from a CSV file read by the importer itself (so the sample is also a valid import), narratives,
/// resources and testimonies from the JSON.
/// </summary>
public sealed class PortraitSamples(TablesDbContext db, PortraitMarkdown markdown, IStringLocalizer<UiText> text)
{
    public async Task LoadAsync(string directory, string slug, CancellationToken ct = default)
    {
        var file = Path.Combine(directory, "portraits", slug + ".json");
        if (!File.Exists(file))
        {
            return;
        }
        await using var stream = File.OpenRead(file);
        var sample = await JsonSerializer.DeserializeAsync<SamplePortraits>(stream, TablesJson.Options, ct) ?? throw new InvalidDataException($"{file} is empty.");
        var table = await db.Tables.AsNoTracking().SingleAsync(t => t.Slug == slug, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var p in sample.Portraits)
        {
            var cycle = await db.Cycles.IgnoreQueryFilters().SingleAsync(c => c.TableId == table.Id && c.Title == p.Cycle, ct);
            var portrait = new CyclePortrait { TableId = table.Id, CycleId = cycle.Id, IsPublic = p.IsPublic };
            db.Portraits.Add(portrait);
            await db.SaveChangesAsync(Actor.System, ct);

            if (p.Indicators is { } csv)
            {
                var read = IndicatorCsv.Read(await File.ReadAllBytesAsync(Path.Combine(directory, "portraits", csv), ct), table.Themes, new ImportDefaults(null, null), text);
                if (!read.IsValid)
                {
                    throw new InvalidDataException($"{csv}: " + string.Join("; ", read.Errors.Select(e => e.Message)));
                }
                foreach (var row in read.Rows)
                {
                    var indicator = new PortraitIndicator { TableId = table.Id, PortraitId = portrait.Id };
                    row.CopyTo(indicator);
                    db.PortraitIndicators.Add(indicator);
                }
            }
            db.PortraitNarratives.AddRange((p.Narratives ?? []).Select(n => new PortraitNarrative
            {
                TableId = table.Id, PortraitId = portrait.Id, Theme = n.Theme, Section = n.Section, Title = n.Title ?? "", Body = n.Body,
                BodyHtml = markdown.ToSafeHtml(n.Body), Knowledge = n.Knowledge, BroughtBy = n.BroughtBy,
            }));
            db.PortraitResources.AddRange((p.Resources ?? []).Select(r => new PortraitResource
            {
                TableId = table.Id, PortraitId = portrait.Id, Theme = r.Theme, Name = r.Name, Description = r.Description, Address = r.Address,
                Contact = r.Contact, Website = r.Website, Knowledge = r.Knowledge, BroughtBy = r.BroughtBy,
            }));
            var forums = await db.Forums.IgnoreQueryFilters().Where(f => f.CycleId == cycle.Id).ToDictionaryAsync(f => f.Title, ct);
            var at = cycle.Start.ToDateTime(new TimeOnly(19, 0), DateTimeKind.Utc);
            db.Testimonies.AddRange((p.Testimonies ?? []).Select((t, i) => new Testimony
            {
                TableId = table.Id, PortraitId = portrait.Id, Theme = t.Theme, Text = t.Text, SignedName = t.SignedName, Status = t.Status,
                ForumId = t.Forum is null ? null : forums[t.Forum].Id, FromPaper = t.Forum is null,
                BroughtBy = t.Forum ?? text["Testimony.Paper"], CreatedAt = at.AddMinutes(i),
            }));
            await db.SaveChangesAsync(Actor.System, ct);
        }
        await transaction.CommitAsync(ct);
    }

    private sealed record SamplePortraits(List<SamplePortrait> Portraits);
    private sealed record SamplePortrait(string Cycle, bool IsPublic, string? Indicators, List<SampleNarrative>? Narratives, List<SampleResource>? Resources,
        List<SampleTestimony>? Testimonies);
    private sealed record SampleNarrative(string Theme, NarrativeSection Section, string? Title, string Body, KnowledgeKind Knowledge, string BroughtBy);
    private sealed record SampleResource(string Theme, string Name, string? Description, string Address, string? Contact, string? Website,
        KnowledgeKind Knowledge, string BroughtBy);
    private sealed record SampleTestimony(string Theme, string Text, string? SignedName, TestimonyStatus Status, string? Forum);
}
