using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Tables.Web.Features.Accounts;
using Tables.Web.Resources;

namespace Tables.Web.Features.Mail;

/// <summary>The account e-mails (invitation and password reset, confirmation) through the app's one mail sender.</summary>
internal sealed class AccountMail(IMailSender mail, IStringLocalizer<UiText> text) : IEmailSender<TablesUser>
{
    public Task SendConfirmationLinkAsync(TablesUser user, string email, string confirmationLink) =>
        mail.SendAsync(new OutgoingMail(email, text["Mail.Confirm.Subject"], text["Mail.Confirm.Body", Name(user), confirmationLink]));

    public Task SendPasswordResetLinkAsync(TablesUser user, string email, string resetLink) =>
        mail.SendAsync(new OutgoingMail(email, text["Mail.Reset.Subject"], text["Mail.Reset.Body", Name(user), resetLink]));

    public Task SendPasswordResetCodeAsync(TablesUser user, string email, string resetCode) =>
        mail.SendAsync(new OutgoingMail(email, text["Mail.Reset.Subject"], text["Mail.ResetCode.Body", Name(user), resetCode]));

    private static string Name(TablesUser user) => string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName;
}
