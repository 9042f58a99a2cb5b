using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tables.Web.Features.Accounts;

namespace Tables.Web.Features.Mail;

/// <summary>
/// One way the app sends e-mail (<see cref="IMailSender"/>): MailKit to <c>Mail:Smtp:Host</c> when set, else .eml files in
/// a folder (<c>Mail:Folder</c>, default <c>mail/</c> in the data directory). Account e-mails go through it too.
/// </summary>
public static class MailFeature
{
    public static void AddMail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MailOptions>().Bind(builder.Configuration.GetSection("Mail"));
        var dataDirectory = Path.GetFullPath(builder.Configuration["Data:Directory"] ?? "data", builder.Environment.ContentRootPath);
        services.AddSingleton(sp => new MailFolder(Path.GetFullPath(sp.GetRequiredService<IOptions<MailOptions>>().Value.Folder ?? Path.Combine(dataDirectory, "mail"))));
        services.AddSingleton<IMailSender>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Host)
            ? ActivatorUtilities.CreateInstance<FolderMailSender>(sp)
            : ActivatorUtilities.CreateInstance<SmtpMailSender>(sp));
        services.RemoveAll<IEmailSender<TablesUser>>();
        services.AddSingleton<IEmailSender<TablesUser>, AccountMail>();
    }

    /// <summary>Whether <c>/dev/mail</c> shows the folder: in Development, or when <c>Mail:ShowFolder</c> says so.</summary>
    public static bool ShowsFolder(IWebHostEnvironment environment, IOptions<MailOptions> options) =>
        environment.IsDevelopment() || options.Value.ShowFolder;
}
