using FluentValidation;

namespace Tables.Web.Features.Members;

public static class MembersFeature
{
    public static void AddMembers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MemberService>();
        builder.Services.AddSingleton<IValidator<OrganisationEdit>, OrganisationEditValidator>();
        builder.Services.AddSingleton<IValidator<MemberAdd>, MemberAddValidator>();
        builder.Services.AddSingleton<IValidator<MemberEdit>, MemberEditValidator>();
    }

    public static void MapMembers(this WebApplication app) => app.MapMembersApi();
}
