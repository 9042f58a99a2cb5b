using System.Globalization;
using System.Security.Claims;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Portrait;

/// <summary>
/// The portrait over REST, with the screens' rules: partners and staff write, members (observers too) read, anyone
/// reads a published portrait of a public table; publishing is for coordination, testimonies for facilitation.
/// </summary>
public static class PortraitApi
{

    public static void MapPortraitApi(this IEndpointRouteBuilder app)
    {
        var portrait = app.MapGroup("/api/tables/{slug}/cycles/{cycleId:int}/portrait").WithTags("Portrait");

        portrait.MapGet("/", async Task<Ok<PortraitItem>> (string slug, int cycleId, bool? moderation, HttpContext http, PortraitService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Read);
            return TypedResults.Ok(PortraitItem.From(await service.ReadAsync(access, cycleId, moderation == true, http.RequestAborted)));
        }).WithSummary("The cycle's portrait by theme: indicators, narratives, resources, accepted testimonies, and what each kind of knowledge says.")
          .WithDescription("Facilitators may add moderation=true to also get testimonies waiting for moderation or set aside.");

        portrait.MapPut("/", async Task<Ok<PortraitState>> (string slug, int cycleId, PortraitSettings settings, HttpContext http, PortraitService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Coordinate);
            var p = await service.SetPublicAsync(access, http.User, cycleId, settings, http.RequestAborted);
            return TypedResults.Ok(new PortraitState(p.IsPublic, p.Version));
        }).WithSummary("Publishes the portrait (readable by anyone when the table is public) or withdraws it.");

        portrait.MapPost("/copy", async Task<Ok<CopyResult>> (string slug, int cycleId, PortraitCopy copy, HttpContext http, PortraitService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Partner);
            return TypedResults.Ok(new CopyResult(await service.CopyAsync(access, http.User, cycleId, copy, http.RequestAborted)));
        }).WithSummary("Copies another cycle's portrait (by default the previous cycle's) into this empty one; testimonies are not copied.");

        portrait.MapGet("/template.csv", async (string slug, int cycleId, HttpContext http, PortraitService service, IStringLocalizer<UiText> text) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Read);
            await service.FindCycleAsync(access, cycleId, http.RequestAborted);
            return Csv(IndicatorCsv.Template(access.Table.Themes, CultureInfo.CurrentCulture, text), text["Import.TemplateFile"]);
        }).WithSummary("The CSV template for importing indicators, in the caller's language, with the table's themes.");

        portrait.MapGet("/indicators.csv", async (string slug, int cycleId, HttpContext http, PortraitService service, IStringLocalizer<UiText> text) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Read);
            var view = await service.ReadAsync(access, cycleId, ct: http.RequestAborted);
            return Csv(IndicatorCsv.Export(view.Themes.SelectMany(t => t.Indicators), CultureInfo.CurrentCulture), text["Import.ExportFile", cycleId]);
        }).WithSummary("The portrait's indicators in the template's format (edit and import back to update them).");

        portrait.MapPost("/import/preview", async Task<Ok<ImportResult>> (string slug, int cycleId, string? knowledge, string? broughtBy, HttpContext http,
            IndicatorImport import, IStringLocalizer<UiText> text) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Partner);
            var file = await ReadBodyAsync(http);
            return TypedResults.Ok(ImportResult.From(await import.PreviewAsync(access, cycleId, file, Defaults(knowledge, broughtBy, text), http.RequestAborted)));
        }).AddOpenApiOperationTransformer(CsvBody)
          .WithSummary("What importing this CSV would add and change, or every error with its line and column. Changes nothing.");

        portrait.MapPost("/import", async Task<Ok<ImportResult>> (string slug, int cycleId, string? knowledge, string? broughtBy, string? basis, HttpContext http,
            IndicatorImport import, IStringLocalizer<UiText> text) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Partner);
            var file = await ReadBodyAsync(http);
            return TypedResults.Ok(ImportResult.From(await import.ApplyAsync(access, http.User, cycleId, file, Defaults(knowledge, broughtBy, text), basis, http.RequestAborted)));
        }).AddOpenApiOperationTransformer(CsvBody)
          .WithSummary("Imports the CSV: all of it or, at the first error, nothing (400 lists every error as \"line:column\").")
          .WithDescription("Indicators with the same theme, label and year are updated. Pass the preview's basis: if the portrait changed since, 409.");

        MapItems<IndicatorEdit, IndicatorItem>(portrait, "indicators",
            async (s, a, u, c, id, e, ct) => IndicatorItem.From(await s.SaveIndicatorAsync(a, u, c, id, e, ct)), (s, a, u, c, id, v, ct) => s.DeleteIndicatorAsync(a, u, c, id, v, ct));
        MapItems<NarrativeEdit, NarrativeItem>(portrait, "narratives",
            async (s, a, u, c, id, e, ct) => NarrativeItem.From(await s.SaveNarrativeAsync(a, u, c, id, e, ct)), (s, a, u, c, id, v, ct) => s.DeleteNarrativeAsync(a, u, c, id, v, ct));
        MapItems<ResourceEdit, ResourceItem>(portrait, "resources",
            async (s, a, u, c, id, e, ct) => ResourceItem.From(await s.SaveResourceAsync(a, u, c, id, e, ct)), (s, a, u, c, id, v, ct) => s.DeleteResourceAsync(a, u, c, id, v, ct));

        portrait.MapPost("/testimonies", async Task<Created<TestimonyItem>> (string slug, int cycleId, TestimonyEdit edit, HttpContext http, PortraitService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Facilitate);
            var t = await service.AddPaperTestimonyAsync(access, http.User, cycleId, edit, http.RequestAborted);
            return TypedResults.Created($"/api/tables/{slug}/cycles/{cycleId}/portrait", TestimonyItem.From(t));
        }).WithSummary("A testimony typed by a facilitator (paper card, kiosk): accepted into the portrait as lived experience.");

        portrait.MapPut("/testimonies/{id:int}/moderation", async Task<Ok<TestimonyItem>> (string slug, int cycleId, int id, TestimonyModeration moderation,
            HttpContext http, PortraitService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Facilitate);
            return TypedResults.Ok(TestimonyItem.From(await service.ModerateTestimonyAsync(access, http.User, cycleId, id, moderation, http.RequestAborted)));
        }).WithSummary("Accepts a testimony into the portrait or sets it aside.");
    }

    private delegate Task<TItem> SaveItem<TEdit, TItem>(PortraitService service, TableAccess access, ClaimsPrincipal user, int cycleId, int? id, TEdit edit, CancellationToken ct);

    private delegate Task DeleteItem(PortraitService service, TableAccess access, ClaimsPrincipal user, int cycleId, int id, Guid? version, CancellationToken ct);

    /// <summary>Add, update (with the version the caller started from) and delete for one kind of item; partners and staff.</summary>
    private static void MapItems<TEdit, TItem>(RouteGroupBuilder portrait, string path, SaveItem<TEdit, TItem> save, DeleteItem delete)
        where TEdit : class
    {
        portrait.MapPost($"/{path}", async Task<Created<TItem>> (string slug, int cycleId, TEdit? edit, HttpContext http, PortraitService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Partner);
            return TypedResults.Created($"/api/tables/{slug}/cycles/{cycleId}/portrait", await save(service, access, http.User, cycleId, null, Required(edit), http.RequestAborted));
        });
        portrait.MapPut($"/{path}/{{id:int}}", async Task<Ok<TItem>> (string slug, int cycleId, int id, TEdit? edit, HttpContext http, PortraitService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Partner);
            return TypedResults.Ok(await save(service, access, http.User, cycleId, id, Required(edit), http.RequestAborted));
        }).WithDescription("Send the version you started from: if the item changed since, 409 with the current version in \"current\" (merge and send again).");
        portrait.MapDelete($"/{path}/{{id:int}}", async Task<NoContent> (string slug, int cycleId, int id, Guid? version, HttpContext http, PortraitService service) =>
        {
            var access = await http.AuthorizeTableAsync(slug, TablePolicies.Partner);
            await delete(service, access, http.User, cycleId, id, version, http.RequestAborted);
            return TypedResults.NoContent();
        }).WithDescription("With ?version=, refused (409) when the item changed since that version.");
    }

    /// <summary>
    /// A generic handler's body is optional to minimal APIs (they cannot see the type argument's nullability): an empty
    /// one is refused here as a bad request, like a missing body elsewhere.
    /// </summary>
    private static T Required<T>(T? body) where T : class =>
        body ?? throw new BadHttpRequestException("A JSON body is required.", StatusCodes.Status400BadRequest);

    private static ImportDefaults Defaults(string? knowledge, string? broughtBy, IStringLocalizer<UiText> text)
    {
        KnowledgeKind? kind = null;
        if (!string.IsNullOrWhiteSpace(knowledge))
        {
            kind = IndicatorCsv.ParseKnowledge(knowledge)
                ?? throw new ValidationException([new ValidationFailure(nameof(knowledge), text["Import.UnknownKnowledgeDefault", knowledge])]);
        }
        if (broughtBy?.Length > PortraitRules.BroughtByMax)
        {
            throw new ValidationException([new ValidationFailure(nameof(broughtBy), text["Validation.TooLong", text["Field.BroughtBy"], PortraitRules.BroughtByMax])]);
        }
        return new ImportDefaults(kind, broughtBy);
    }

    /// <summary>The request body, at most one byte more than an import may be (so "too large" is said, not truncated).</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0 && buffer.Length <= IndicatorCsv.MaxBytes)
        {
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Documents the CSV body. Not as Accepts metadata: routing would then answer 415 to another content type before
    /// the caller's rights are checked (an anonymous caller must get 401, whatever they send).
    /// </summary>
    private static Task CsvBody(Microsoft.OpenApi.OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
        {
            Required = true,
            Description = "The CSV file (UTF-8): the template's columns, French or English names, ',' ';' or tab between fields.",
            Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
            {
                ["text/csv"] = new() { Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String } },
            },
        };
        return Task.CompletedTask;
    }

    private static FileContentHttpResult Csv(string content, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(content)).ToArray(), "text/csv; charset=utf-8", fileName);
}
