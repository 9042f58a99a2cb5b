using System.Globalization;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;
using Tables.Voting;
using Tables.Web.Resources;

namespace Tables.Web.Features.Tally;

/// <summary>
/// <c>POST /api/tally?method=…</c>: anyone re-counts ballots (ABIF as text/plain, CSV as text/csv) with any method.
/// Stores nothing; rate-limited per address; body at most 10 MB.
/// </summary>
public static class TallyApi
{
    public const string RateLimitPolicy = "tally";
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    public static void AddTally(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TallyOptions>().Bind(builder.Configuration.GetSection("Tally")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<TallyOptions>>().Value.PermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
    }

    public static void MapTally(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tally", CountAsync)
            .WithTags("Tally")
            .WithSummary("Counts ballots (ABIF as text/plain, CSV as text/csv) with a method; stores nothing.")
            .WithDescription("Methods: " + string.Join(", ", VotingMethods.AllTokens) + ". Options as query parameters: "
                + string.Join(", ", MethodOptions.ParameterNames) + ". At most 200 options and 10 MB. Errors name the line and column.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The body is read by hand (any content type gets a problem answer, not a bare 415), so declare it here.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "ABIF (text/plain) or CSV (text/csv), UTF-8.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                        ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                };
                return Task.CompletedTask;
            })
            .Produces<TallyResult>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .Produces(StatusCodes.Status429TooManyRequests)
            .DisableAntiforgery()
            .AllowAnonymous()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireRateLimiting(RateLimitPolicy);
    }

    private static async Task<Results<Ok<TallyResult>, ProblemHttpResult>> CountAsync(
        HttpContext http, string? method, IStringLocalizer<UiText> text)
    {
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        if (mediaType is not ("text/plain" or "text/csv" or "text/abif"))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, text["Tally.Invalid"],
                new VotingException(new VotingError(ErrorCodes.UnsupportedContentType, new Dictionary<string, object?> { ["type"] = mediaType })));
        }
        var body = await ReadBodyAsync(http);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: text["Tally.TooLarge", MaxBodyBytes / 1024 / 1024]);
        }
        try
        {
            var m = VotingMethods.Parse(method);
            var options = MethodOptions.Parse(http.Request.Query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())));
            var file = mediaType == "text/csv" ? BallotCsv.Read(body, m) : Abif.Read(body, m);
            return TypedResults.Ok(Voting.Tally.Count(m, file, options));
        }
        catch (VotingException e)
        {
            return Problem(StatusCodes.Status400BadRequest, text["Tally.Invalid"], e);
        }
    }

    /// <summary>The body as UTF-8 text, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
    }

    /// <summary>problem+json naming the first error's line and column, and every error with its localized message.</summary>
    internal static ProblemHttpResult Problem(int status, string title, VotingException e)
    {
        var culture = CultureInfo.CurrentUICulture;
        var first = e.Error;
        return TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = first.Format(culture),
            Extensions =
            {
                ["code"] = first.Code,
                ["line"] = first.Line,
                ["column"] = first.Column,
                ["errors"] = e.Errors.Select(x => new { code = x.Code, message = x.Format(culture), line = x.Line, column = x.Column }).ToArray(),
            },
        });
    }
}

/// <summary>The public tally (section <c>Tally</c>), checked at start.</summary>
public sealed class TallyOptions
{
    /// <summary>Counts one address may ask for per minute.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10_000_000)]
    public int PermitsPerMinute { get; set; } = 60;
}
