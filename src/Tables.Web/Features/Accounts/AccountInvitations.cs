using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Accounts;

/// <summary>Builds password links (reset, invitation to a new account) and sends them.</summary>
public sealed class AccountInvitations(UserManager<TablesUser> users, IEmailSender<TablesUser> email, PublicUrl publicUrl)
{
    /// <summary>A new member chooses their password through the reset page.</summary>
    public Task InviteAsync(TablesUser user, Table table) => SendResetAsync(user);

    public async Task SendResetAsync(TablesUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = publicUrl.Absolute($"/account/reset-password?email={Uri.EscapeDataString(user.Email ?? "")}&code={code}");
        await email.SendPasswordResetLinkAsync(user, user.Email ?? "", link);
    }

    public static string DecodeCode(string code) => Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
}

/// <summary>The address links in e-mails point to: <c>PublicUrl</c> in configuration, else the server's first address.</summary>
public sealed class PublicUrl(IConfiguration configuration, Microsoft.AspNetCore.Hosting.Server.IServer server)
{
    public string Absolute(string path)
    {
        var root = configuration["PublicUrl"]
            ?? server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://localhost";
        return root.TrimEnd('/') + path;
    }
}
