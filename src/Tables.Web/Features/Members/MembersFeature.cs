using FluentValidation;

namespace Tables.Web.Features.Members;

public static class MembersFeature
{
    public static void AddMembers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MemberService>();
        builder.Services.AddScoped<IValidator<OrganisationEdit>, OrganisationEditValidator>();
        builder.Services.AddScoped<IValidator<MemberAdd>, MemberAddValidator>();
        builder.Services.AddScoped<IValidator<MemberEdit>, MemberEditValidator>();
    }

    public static void MapMembers(this WebApplication app) => app.MapMembersApi();
}
