namespace Tables.Web.Features.Mail;

/// <summary>
/// An e-mail to one person: plain text always, HTML optional. <see cref="Unsubscribe"/> adds the one-click unsubscribe
/// headers (RFC 8058) that mail programs show as a button.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string Text, string? Html = null, string? Unsubscribe = null);

/// <summary>Sends e-mail: through SMTP when <c>Mail:Smtp:Host</c> is set, else into a folder (a Development page lists it).</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct = default);
}

/// <summary>Settings of section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    /// <summary>Sender shown to recipients.</summary>
    public string From { get; set; } = "Tables <no-reply@tables.invalid>";
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>Where messages go without SMTP (default: <c>mail</c> under the data directory).</summary>
    public string? Folder { get; set; }
    /// <summary>Shows the folder's messages at <c>/dev/mail</c> outside Development too (tests).</summary>
    public bool ShowFolder { get; set; }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>Auto, None, StartTls, SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? User { get; set; }
    public string? Password { get; set; }
}
