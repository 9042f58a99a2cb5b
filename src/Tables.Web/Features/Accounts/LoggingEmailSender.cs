using Microsoft.AspNetCore.Identity;

namespace Tables.Web.Features.Accounts;

/// <summary>
/// Writes e-mails to the log instead of sending them. The default until an SMTP sender is configured; in
/// Development the reset and invitation links appear in the console.
/// </summary>
internal sealed partial class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender<TablesUser>
{
    public Task SendConfirmationLinkAsync(TablesUser user, string email, string confirmationLink)
    {
        LogEmail(logger, email, "confirmation", confirmationLink);
        return Task.CompletedTask;
    }

    public Task SendPasswordResetLinkAsync(TablesUser user, string email, string resetLink)
    {
        LogEmail(logger, email, "password reset", resetLink);
        return Task.CompletedTask;
    }

    public Task SendPasswordResetCodeAsync(TablesUser user, string email, string resetCode)
    {
        LogEmail(logger, email, "password reset code", resetCode);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail to {Email} ({Kind}): {Link}")]
    private static partial void LogEmail(ILogger logger, string email, string kind, string link);
}
