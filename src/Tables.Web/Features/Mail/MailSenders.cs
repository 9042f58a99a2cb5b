using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Tables.Web.Features.Mail;

/// <summary>Builds the MIME message both senders write: text (and HTML) alternatives, UTF-8, one-click unsubscribe headers.</summary>
internal static class MimeMessages
{
    public static MimeMessage Build(MailOptions options, OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        message.Body = body.ToMessageBody();
        if (mail.Unsubscribe is { } link)
        {
            message.Headers.Add("List-Unsubscribe", $"<{link}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }
}

/// <summary>Real e-mail through MailKit to the configured SMTP server (one connection per message: digests are few).</summary>
internal sealed partial class SmtpMailSender(IOptions<MailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        var settings = options.Value;
        using var message = MimeMessages.Build(settings, mail);
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, Enum.Parse<SecureSocketOptions>(settings.Smtp.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(settings.Smtp.User))
        {
            await client.AuthenticateAsync(settings.Smtp.User, settings.Smtp.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        LogSent(logger, settings.Smtp.Host!);
    }

    // Never the address: logs are read by people who must not see residents' e-mail addresses.
    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail sent through {Host}.")]
    private static partial void LogSent(ILogger logger, string host);
}

/// <summary>Without SMTP: each message is written as a .eml file into a folder (listed at <c>/dev/mail</c> in Development).</summary>
public sealed partial class FolderMailSender(IOptions<MailOptions> options, MailFolder folder, ILogger<FolderMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        using var message = MimeMessages.Build(options.Value, mail);
        Directory.CreateDirectory(folder.Path);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        await message.WriteToAsync(System.IO.Path.Combine(folder.Path, name), ct);
        LogWritten(logger, name);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP server configured: e-mail written to the mail folder as {Name}.")]
    private static partial void LogWritten(ILogger logger, string name);
}

/// <summary>The folder of written messages, and reading them back for the development page.</summary>
public sealed class MailFolder(string path)
{
    public string Path { get; } = path;

    public sealed record Entry(string Name, DateTimeOffset Date, string To, string Subject);

    public IReadOnlyList<Entry> List(int max = 200)
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }
        return Directory.EnumerateFiles(Path, "*.eml").OrderDescending(StringComparer.Ordinal).Take(max).Select(file =>
        {
            using var message = MimeMessage.Load(file);
            return new Entry(System.IO.Path.GetFileName(file), message.Date, message.To.ToString(), message.Subject ?? "");
        }).ToList();
    }

    /// <summary>One message by its file name (only names this folder holds: no path is ever followed).</summary>
    public MimeMessage? Read(string name)
    {
        var file = Directory.Exists(Path) ? Directory.EnumerateFiles(Path, "*.eml").FirstOrDefault(f => System.IO.Path.GetFileName(f) == name) : null;
        return file is null ? null : MimeMessage.Load(file);
    }
}
