using FluentValidation;
using Tables.Web.Features.Live;

namespace Tables.Web.Features.Portrait;

public static class PortraitFeature
{
    public static void AddPortrait(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PortraitService>();
        services.AddScoped<IndicatorImport>();
        services.AddScoped<PortraitSamples>();
        services.AddLiveTopic<PortraitTopicSource>();
        services.AddScoped<ForumTestimonies>();
        services.AddSingleton<IValidator<TestimonyRequest>, TestimonyRequestValidator>();
        // Built once: the sanitiser's rules and Markdig's pipeline are thread-safe once made.
        services.AddSingleton<PortraitMarkdown>();
        services.AddSingleton<IValidator<IndicatorEdit>, IndicatorEditValidator>();
        services.AddSingleton<IValidator<NarrativeEdit>, NarrativeEditValidator>();
        services.AddSingleton<IValidator<ResourceEdit>, ResourceEditValidator>();
        services.AddSingleton<IValidator<TestimonyEdit>, TestimonyEditValidator>();
        services.AddSingleton<IValidator<TestimonyModeration>, TestimonyModerationValidator>();
        services.AddSingleton<IValidator<PortraitSettings>, PortraitSettingsValidator>();
    }

    public static void MapPortrait(this WebApplication app) => app.MapPortraitApi();
}
