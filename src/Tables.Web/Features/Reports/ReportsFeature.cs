using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tables.Reports;
using Tables.Reports.Documents;
using Tables.Web.Data;
using Tables.Web.Features.ActionPlan;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Reports;

/// <summary>
/// PDF reports (#16, web side): the report models built from the database, and their documents
/// (<c>Tables.Reports</c>) served as downloads, authorized like the data they contain. In the table's language, or the
/// reader's choice (<c>?lang=fr|en</c>). The evaluation report waits for the evaluation's data.
/// </summary>
public static class ReportsFeature
{
    public const string PdfType = "application/pdf";

    public static void AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<BallotReports>();
        builder.Services.AddScoped<PlanReports>();
        builder.Services.AddScoped<ProtocolReports>();
    }

    public static void MapReports(this WebApplication app)
    {
        var table = app.MapGroup("/api/tables/{slug}").WithTags("Reports");

        table.MapGet("/cycles/{id:int}/reports/plan.pdf", async Task<FileContentHttpResult> (string slug, int id, string? lang, HttpContext http, PlanService plans, PlanReports reports) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Read);
            var culture = Culture(http, access, lang);
            var rights = await plans.RightsAsync(access, http.User, http.RequestAborted);
            var model = await reports.BuildAsync(rights, id, culture, http.RequestAborted) ?? throw new NotFoundException();
            return TypedResults.File(PlanDocument.Generate(model), PdfType, $"{Text(http, culture, "Report.PlanFile")}-{slug}-{id}.pdf");
        }).WithSummary("The cycle's action plan as a PDF (members, or anyone once the plan is published; budgets as on the plan's pages). ?lang=fr|en, else the table's language.");

        table.MapGet("/forums/{id:int}/protocol.pdf", async Task<FileContentHttpResult> (string slug, int id, string? lang, HttpContext http, ProtocolReports reports) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Read);
            var culture = Culture(http, access, lang);
            var model = await reports.BuildAsync(access, id, culture, http.RequestAborted) ?? throw new NotFoundException();
            return TypedResults.File(ProtocolDocument.Generate(model), PdfType, $"{Text(http, culture, "Report.ProtocolFile")}-{slug}-{id}.pdf");
        }).WithSummary("A forum's minutes as a PDF: agenda, attendance by group, ideas by theme, each ballot whose result the room may see. ?lang=fr|en, else the table's language.");
    }

    /// <summary>The reader's choice (fr or en), else the table's language; anything else is refused with a message.</summary>
    private static ReportCulture Culture(HttpContext http, TableAccess access, string? lang) => lang?.Trim().ToLowerInvariant() switch
    {
        null or "" => ReportCulture.For(access.Table.DefaultLanguage),
        "fr" => ReportCulture.French,
        "en" => ReportCulture.English,
        _ => throw new ValidationException([new ValidationFailure("lang", http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>()["Report.UnknownLanguage"])]),
    };

    /// <summary>A file name word in the report's language.</summary>
    private static string Text(HttpContext http, ReportCulture culture, string key)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = culture.Culture;
        try
        {
            return http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>()[key];
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }
}
