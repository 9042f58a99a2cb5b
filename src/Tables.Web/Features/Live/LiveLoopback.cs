using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections.Client;

namespace Tables.Web.Features.Live;

/// <summary>
/// Where this instance reaches its own <see cref="LiveHub"/>: the address Kestrel listens on, on the loopback interface
/// (a wildcard address is reached through 127.0.0.1; a Unix socket through the socket). TLS on loopback is accepted as
/// it is: the connection never leaves the machine. Tests on an in-memory server replace this class.
/// </summary>
public class LiveLoopback(IServer server)
{
    private Uri? _address;

    public virtual Uri HubUrl => new(Address, "/hubs/live");

    private Uri Address => _address ??= Choose(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);

    /// <summary>Adds what the connection needs to reach the server (nothing for TCP; the socket for a Unix socket; TLS trust on loopback).</summary>
    public virtual void Configure(HttpConnectionOptions options)
    {
        var raw = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
        if (raw.Contains("unix:", StringComparison.Ordinal))
        {
            var path = raw[(raw.IndexOf("unix:", StringComparison.Ordinal) + 5)..].TrimEnd('/');
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, ct) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            options.HttpMessageHandlerFactory = _ => handler;
            options.WebSocketFactory = async (context, ct) =>
            {
                var socket = new System.Net.WebSockets.ClientWebSocket();
                foreach (var (name, value) in options.Headers)
                {
                    socket.Options.SetRequestHeader(name, value);
                }
                await socket.ConnectAsync(context.Uri, new HttpMessageInvoker(handler), ct);
                return socket;
            };
        }
        else if (Address.Scheme == Uri.UriSchemeHttps)
        {
            options.HttpMessageHandlerFactory = _ => new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
            options.WebSocketConfiguration = ws => ws.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
    }

    /// <summary>Prefers plain http; maps wildcard and named hosts to the loopback address.</summary>
    private static Uri Choose(ICollection<string> addresses)
    {
        var raw = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no address yet.");
        if (raw.Contains("unix:", StringComparison.Ordinal))
        {
            return new Uri("http://localhost/");
        }
        var uri = new Uri(raw.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
        var host = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip)
            ? ip.Equals(IPAddress.Any) ? "127.0.0.1" : ip.Equals(IPAddress.IPv6Any) ? "[::1]" : uri.Host
            : "127.0.0.1";
        return new UriBuilder(uri) { Host = host, Path = "/" }.Uri;
    }
}
