using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tables.Web.Data;
using Tables.Web.Features.Portrait;

namespace Tables.Testing;

/// <summary>Portrait rows for tests: the sample table's current portrait, and fresh items for the access-matrix placeholders.</summary>
public static class PortraitTestKit
{
    /// <summary>
    /// The sample table's current portrait: the one of its latest cycle that has a portrait (the sample's current
    /// cycle, even after a test creates a later, empty cycle).
    /// </summary>
    public static Task<(int TableId, int CycleId, int PortraitId)> CurrentPortraitAsync(this TablesAppFactory app) => app.WithDbAsync(async db =>
    {
        var tableId = await db.Tables.Where(t => t.Slug == "tilleuls").Select(t => t.Id).SingleAsync();
        var current = await db.Portraits.IgnoreQueryFilters().Where(p => p.TableId == tableId)
            .Join(db.Cycles.IgnoreQueryFilters(), p => p.CycleId, c => c.Id, (p, c) => new { p.Id, p.CycleId, c.Start })
            .OrderByDescending(x => x.Start).FirstAsync();
        return (tableId, current.CycleId, current.Id);
    });

    /// <summary>
    /// Replaces {new-indicator}, {new-narrative}, {new-resource} and {new-testimony} (a pending one) with the id of an
    /// item made for this request in the current portrait, so a request that deletes or changes it leaves others theirs.
    /// </summary>
    public static async Task<string> FillPortraitAsync(this TablesAppFactory app, string text)
    {
        foreach (var kind in new[] { "indicator", "narrative", "resource", "testimony" })
        {
            var placeholder = "{new-" + kind + "}";
            if (text.Contains(placeholder, StringComparison.Ordinal))
            {
                text = text.Replace(placeholder, (await app.NewItemAsync(kind)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
        }
        return text;
    }

    public static async Task<int> NewItemAsync(this TablesAppFactory app, string kind)
    {
        var (tableId, _, portraitId) = await app.CurrentPortraitAsync();
        return await app.WithDbAsync(async db =>
        {
            var name = "Essai " + Guid.NewGuid().ToString("N")[..8];
            IPortraitItem item = kind switch
            {
                "indicator" => new PortraitIndicator
                {
                    Theme = "Habitation", Label = name, Value = 1, Unit = "%", Year = 2024, Source = "Test", Knowledge = KnowledgeKind.Field, BroughtBy = "Test",
                    Key = PortraitService.IndicatorKey("Habitation", name, 2024),
                },
                "narrative" => new PortraitNarrative
                {
                    Theme = "Habitation", Section = NarrativeSection.Needs, Title = name, Body = name, BodyHtml = $"<p>{name}</p>", Knowledge = KnowledgeKind.Field, BroughtBy = "Test",
                },
                "resource" => new PortraitResource { Theme = "Habitation", Name = name, Address = "1, rue de l'Essai", Knowledge = KnowledgeKind.Field, BroughtBy = "Test" },
                _ => new Testimony { Theme = "Habitation", Text = name, Status = TestimonyStatus.Pending, BroughtBy = "Test", CreatedAt = DateTime.UtcNow },
            };
            item.TableId = tableId;
            item.PortraitId = portraitId;
            db.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
    }
}
