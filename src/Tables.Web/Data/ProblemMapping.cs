using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Resources;

namespace Tables.Web.Data;

/// <summary>
/// Turns the services' expected failures into RFC 7807 answers: invalid input → 400 naming each field (camelCase, as in
/// the JSON body), missing row → 404, stale version → 409. Anything else stays a 500 and is logged.
/// </summary>
internal sealed class ProblemMapping(IProblemDetailsService problems, IStringLocalizer<UiText> text) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, errors) = exception switch
        {
            ValidationException v => (StatusCodes.Status400BadRequest, text["Error.Validation"].Value,
                v.Errors.GroupBy(e => JsonName(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray())),
            NotFoundException => (StatusCodes.Status404NotFound, text["Error.NotFound"].Value, null),
            Features.Tables.ForbiddenException when context.User.Identity?.IsAuthenticated != true => (StatusCodes.Status401Unauthorized, text["Error.SignInRequired"].Value, null),
            Features.Tables.ForbiddenException => (StatusCodes.Status403Forbidden, text["Error.Forbidden"].Value, null),
            DbUpdateConcurrencyException or ConflictException => (StatusCodes.Status409Conflict, text["Error.Concurrency"].Value, null),
            Features.Forums.ForumException f => (StatusCodes.Status400BadRequest, f.Message, null),
            // Unreadable JSON (wrong type, syntax): name the field where reading stopped when System.Text.Json says it.
            BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { Length: > 1 } path } } b =>
                (b.StatusCode, text["Error.BadRequest"].Value, new Dictionary<string, string[]> { [JsonName(path.TrimStart('$').TrimStart('.'))] = [text["Error.BadRequest"].Value] }),
            BadHttpRequestException b => (b.StatusCode, text["Error.BadRequest"].Value, null),
            _ => (0, "", null),
        };
        if (status == 0)
        {
            return false;
        }
        context.Response.StatusCode = status;
        var details = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title }
            : new HttpValidationProblemDetails(errors) { Status = status, Title = title };
        if (exception is ConflictException conflict)
        {
            // Both versions: the caller has theirs; the current one lets them merge (null: it was deleted).
            details.Extensions["current"] = conflict.Current;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    /// <summary>"Themes[0]" → "themes[0]", "Name" → "name".</summary>
    internal static string JsonName(string property) =>
        string.IsNullOrEmpty(property) ? "" : string.Join('.', property.Split('.').Select(p => char.ToLowerInvariant(p[0]) + p[1..]));
}
