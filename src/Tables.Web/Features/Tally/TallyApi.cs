using System.Globalization;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Tables.Voting;
using Tables.Web.Resources;

namespace Tables.Web.Features.Tally;

/// <summary>
/// <c>POST /api/tally?method=…</c>: anyone re-counts ballots (ABIF as text/plain, CSV as text/csv) with any method.
/// Stores nothing; rate-limited per address; body at most 10 MB, read as it arrives (never held whole); a few counts
/// at once (<see cref="TallyGate"/>), then 503 with Retry-After.
/// </summary>
public static class TallyApi
{
    public const string RateLimitPolicy = "tally";
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    public static void AddTally(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TallyOptions>().BindConfiguration(TallyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TallyGate>();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicy, http =>
            {
                var permits = http.RequestServices.GetRequiredService<IOptions<TallyOptions>>().Value.PermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
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
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .Produces(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery()
            .AllowAnonymous()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireRateLimiting(RateLimitPolicy);
    }

    private static async Task<Results<Ok<TallyResult>, ProblemHttpResult>> CountAsync(
        HttpContext http, string? method, TallyGate gate, IOptions<TallyOptions> settings, IStringLocalizer<UiText> text)
    {
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        if (mediaType is not ("text/plain" or "text/csv" or "text/abif"))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, text["Tally.Invalid"],
                new VotingException(new VotingError(ErrorCodes.UnsupportedContentType, new Dictionary<string, object?> { ["type"] = mediaType })));
        }
        VotingMethod votingMethod;
        MethodOptions options;
        try
        {
            votingMethod = VotingMethods.Parse(method);
            options = MethodOptions.Parse(http.Request.Query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())));
        }
        catch (VotingException e)
        {
            return Problem(StatusCodes.Status400BadRequest, text["Tally.Invalid"], e);
        }
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return TooLarge(text);
        }
        // The wait in the queue and the body's arrival share one deadline: a slow client cannot hold a count for long.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(TimeSpan.FromSeconds(settings.Value.TimeoutSeconds));
        RateLimitLease lease;
        try
        {
            lease = await gate.EnterAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            return Busy(http, settings.Value, text);
        }
        using (lease)
        {
            if (!lease.IsAcquired)
            {
                return Busy(http, settings.Value, text);
            }
            try
            {
                // Read as it arrives: lines are counted as they come and identical ballots merged, so memory follows
                // the number of different ballots, not the size of the file.
                using var body = new StreamReader(new LimitedBody(http.Request.Body, MaxBodyBytes, deadline.Token), Encoding.UTF8,
                    detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
                var file = mediaType == "text/csv"
                    ? await BallotCsv.ReadAsync(body, votingMethod, deadline.Token)
                    : await Abif.ReadAsync(body, votingMethod, deadline.Token);
                return TypedResults.Ok(Voting.Tally.Count(votingMethod, file, options));
            }
            catch (VotingException e)
            {
                return Problem(StatusCodes.Status400BadRequest, text["Tally.Invalid"], e);
            }
            catch (Exception e) when (e is BodyTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return TooLarge(text);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status408RequestTimeout,
                    title: text["Tally.Timeout", settings.Value.TimeoutSeconds]);
            }
        }
    }

    private static ProblemHttpResult TooLarge(IStringLocalizer<UiText> text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: text["Tally.TooLarge", MaxBodyBytes / 1024 / 1024]);

    /// <summary>503 with Retry-After: every count is taken and the queue is full (or the wait in it ran out).</summary>
    private static ProblemHttpResult Busy(HttpContext http, TallyOptions settings, IStringLocalizer<UiText> text)
    {
        http.Response.Headers.RetryAfter = settings.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: text["Tally.Busy", settings.RetryAfterSeconds]);
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
