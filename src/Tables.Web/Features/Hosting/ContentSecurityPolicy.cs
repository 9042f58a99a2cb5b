using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Tables.Web.Features.Hosting;

/// <summary>
/// The Content-Security-Policy of every answer. Scripts only from the app's own files, plus the one inline script Blazor
/// writes (its import map, allowed by its hash: the same in every answer of a build, so enhanced navigation, which
/// inserts it again, stays within the first page's policy). No eval, no inline event handlers, no plugins, no framing,
/// forms and connections (SignalR and Blazor WebSockets included) to the app only, images from the app (the QR code)
/// or data: URLs.
/// Styles allow inline blocks: MudBlazor's snackbar writes a <c>&lt;style&gt;</c> with a new random <c>@keyframes</c>
/// name for every message (MudBlazor issue #4529), which no hash or nonce can cover. CSS cannot run script, and with
/// img-src, font-src and connect-src limited to the app it cannot send anything elsewhere either.
/// </summary>
public sealed partial class ContentSecurityPolicy
{
    private CachedHash? _importMap;

    public string For(HttpContext context)
    {
        var secure = context.Request.IsHttps;
        var host = context.Request.Host.Value;
        // Spelled out for browsers older than CSP 3, where 'self' does not cover WebSockets.
        var sockets = host is not null && SafeHost().IsMatch(host) ? $" {(secure ? "wss" : "ws")}://{host}" : "";
        return "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; "
            + $"script-src 'self'{ImportMapHash(context)}; style-src 'self' 'unsafe-inline'; "
            + $"img-src 'self' data:; font-src 'self' data:; connect-src 'self'{sockets}"
            + (secure ? "; upgrade-insecure-requests" : "");
    }

    /// <summary>The hash of the import map Blazor's <c>ImportMap</c> writes for this endpoint (pages only).</summary>
    private string ImportMapHash(HttpContext context)
    {
        var map = context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>();
        if (map is null)
        {
            return "";
        }
        var cached = _importMap;
        if (!ReferenceEquals(map, cached?.Map))
        {
            _importMap = cached = new CachedHash(map, " " + Hash(map.ToString()));
        }
        return cached!.Hash;
    }

    /// <summary>A CSP source hash of an inline block, as the browser computes it (its HTML parser turns CRLF into LF).</summary>
    internal static string Hash(string content) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content.ReplaceLineEndings("\n"))))}'";

    private sealed record CachedHash(ImportMapDefinition Map, string Hash);

    [GeneratedRegex(@"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")]
    private static partial Regex SafeHost();
}
