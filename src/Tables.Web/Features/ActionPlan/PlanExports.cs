using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Resources;

namespace Tables.Web.Features.ActionPlan;

/// <summary>
/// CSV of a cycle's actions and of its journal, for a spreadsheet (<see cref="SpreadsheetCsv"/>: UTF-8 with BOM, every
/// cell that could run as a formula neutralised). Headers and values in the reader's language; amounts and dates
/// written invariantly (a spreadsheet reads 1234.50 and 2026-05-04 everywhere). Budgets only for those who see them.
/// </summary>
public sealed class PlanExports(TablesDbContext db, PlanService plans, IStringLocalizer<UiText> text)
{
    public async Task<byte[]?> ActionsCsvAsync(PlanRights rights, int cycleId, CancellationToken ct = default)
    {
        if (await plans.LoadAsync(rights.Access, cycleId, ct) is not { } plan || !PlanService.CanSee(rights, plan.Settings))
        {
            return null;
        }
        var budgets = PlanService.SeesBudgets(rights, plan.Settings);
        var (objectiveProgress, _) = plan.Rollup();
        var header = new List<string>
        {
            text["Csv.Id"], text["Field.Priority"], text["Field.Objective"], text["Field.Title"], text["Field.Description"], text["Field.Theme"],
            text["Field.Tag"], text["Field.Lead"], text["Field.Partners"], text["Field.WorkingGroup"], text["Field.Start"], text["Field.End"],
            text["Field.Status"], text["Field.Progress"], text["Csv.ObjectiveProgress"], text["Field.Milestones"], text["Csv.LateMilestones"], text["Field.Archived"],
        };
        if (budgets)
        {
            header.AddRange([text["Csv.Budget"], text["Csv.Requested"], text["Csv.Granted"], text["Csv.Received"], text["Field.Funding"]]);
        }
        var today = plans.Today;
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var priority in plan.Priorities)
        {
            foreach (var objective in plan.ObjectivesOf(priority))
            {
                foreach (var a in plan.ActionsOf(objective))
                {
                    var row = new List<string?>
                    {
                        Int(a.Id), priority.Title, objective.Title, a.Title, a.Description, a.Theme, text[$"Tag.{a.Tag}"], plan.OrganisationName(a.LeadOrganisationId),
                        string.Join("; ", plan.PartnerNames(a)), a.WorkingGroup, Date(a.Start), Date(a.End), text[$"ActionStatus.{a.Status}"], Int(a.Progress),
                        objectiveProgress[objective.Id] is { } p ? p.ToString("0.#", CultureInfo.InvariantCulture) : "",
                        string.Join("; ", a.Milestones.Select(m => $"{Date(m.Due)} {m.Title}{(m.Done ? " ✓" : "")}")),
                        Int(Lateness.LateMilestones(a, today).Count()), a.Archived ? text["Common.Yes"] : text["Common.No"],
                    };
                    if (budgets)
                    {
                        row.AddRange([Money(a.Budget), Money(Sum(a, FundingStatus.Requested)), Money(Sum(a, FundingStatus.Granted) + Sum(a, FundingStatus.Received)),
                            Money(Sum(a, FundingStatus.Received)),
                            string.Join("; ", a.Funding.Select(f => $"{f.Funder} {Money(f.Amount)} ({text[$"FundingStatus.{f.Status}"]})"))]);
                    }
                    rows.Add(row);
                }
            }
        }
        return SpreadsheetCsv.Write(header, rows);
    }

    /// <summary>The journal of every action of the cycle, newest first. Members see who wrote each entry; the public the organisation.</summary>
    public async Task<byte[]?> JournalCsvAsync(PlanRights rights, int cycleId, CancellationToken ct = default)
    {
        if (await plans.LoadAsync(rights.Access, cycleId, ct) is not { } plan || !PlanService.CanSee(rights, plan.Settings))
        {
            return null;
        }
        var titles = plan.Actions.ToDictionary(a => a.Id, a => a.Title);
        var entries = await db.Journal.AsNoTracking().Where(j => j.CycleId == cycleId && j.TableId == rights.Access.Table.Id)
            .OrderByDescending(j => j.On).ThenByDescending(j => j.Id).ToListAsync(ct);
        var member = rights.Access.CanObserve;
        var header = new List<string> { text["Csv.Id"], text["Field.Date"], text["Csv.ActionId"], text["Field.Action"], text["Field.Organisation"] };
        if (member)
        {
            header.Add(text["Field.Author"]);
        }
        header.AddRange([text["Field.Text"], text["Field.Status"], text["Field.Progress"], text["Csv.WrittenAt"]]);
        var rows = entries.Where(j => titles.ContainsKey(j.ActionId)).Select(j =>
        {
            var row = new List<string?> { j.Id.ToString(CultureInfo.InvariantCulture), Date(j.On), Int(j.ActionId), titles[j.ActionId], j.OrganisationName };
            if (member)
            {
                row.Add(j.AuthorName);
            }
            row.AddRange([j.Text, j.Status is { } s ? text[$"ActionStatus.{s}"] : "", j.Progress is { } p ? Int(p) : "", j.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)]);
            return (IReadOnlyList<string?>)row;
        });
        return SpreadsheetCsv.Write(header, rows);
    }

    private static decimal Sum(ActionItem a, FundingStatus status) => a.Funding.Where(f => f.Status == status).Sum(f => f.Amount);

    private static string Int(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal m) => m.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
