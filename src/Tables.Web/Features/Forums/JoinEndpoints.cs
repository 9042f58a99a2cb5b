using Microsoft.EntityFrameworkCore;
using QRCoder;
using Tables.Web.Data;

namespace Tables.Web.Features.Forums;

/// <summary>What a room needs to reach the phone page: the QR code of <c>/j/{code}</c> (shown on the wall or printed).</summary>
public static class JoinEndpoints
{
    public static void MapJoin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/j/{code}/qr.svg", async (string code, HttpContext http, ForumDirectory forums, IConfiguration configuration) =>
        {
            var normalized = JoinCodes.Normalize(code);
            if (normalized.Length is 0 or > 12 || !normalized.All(char.IsAsciiLetterOrDigit)
                || !await forums.CodeTakenAsync(normalized, http.RequestAborted))
            {
                return Results.NotFound();
            }
            var svg = Svg(JoinUrl(http.Request, configuration, normalized));
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(svg, "image/svg+xml", System.Text.Encoding.UTF8);
        })
        .AllowAnonymous()
        .WithTags("Forums")
        .WithSummary("The QR code (SVG) of the phone page of a forum: the absolute address /j/{code}.");
    }

    /// <summary>The absolute address of the phone page: the configured public address, else the request's own.</summary>
    public static string JoinUrl(HttpRequest request, IConfiguration configuration, string code) =>
        (configuration["PublicUrl"] is { Length: > 0 } root ? root.TrimEnd('/') : $"{request.Scheme}://{request.Host}") + "/j/" + code;

    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var qr = new SvgQRCode(data);
        return qr.GetGraphic(8);
    }
}
