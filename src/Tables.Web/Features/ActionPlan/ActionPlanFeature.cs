using FluentValidation;

namespace Tables.Web.Features.ActionPlan;

/// <summary>The action plan and its follow-up (issue #15): editor, progress, dashboard, history, exports, the idea chain.</summary>
public static class ActionPlanFeature
{
    public static void AddActionPlan(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PlanService>();
        services.AddScoped<PlanEditor>();
        services.AddScoped<ProgressService>();
        services.AddScoped<PlanHistory>();
        services.AddScoped<PlanDashboard>();
        services.AddScoped<PlanExports>();
        services.AddScoped<IdeaChain>();
        services.AddSingleton<PlanNotifier>();
        services.AddScoped<FollowService>();
        services.AddScoped<SamplePlanLoader>();
        services.AddScoped<DigestService>();
        services.AddSingleton<Jobs.IBackgroundJob, FollowUpJob>();
        services.AddSingleton<Jobs.IBackgroundJob, DigestJob>();
        services.AddSingleton<IValidator<FollowRequest>, FollowRequestValidator>();
        services.AddSingleton<IValidator<PriorityEdit>, PriorityEditValidator>();
        services.AddSingleton<IValidator<ObjectiveEdit>, ObjectiveEditValidator>();
        services.AddSingleton<IValidator<ActionEdit>, ActionEditValidator>();
        services.AddSingleton<IValidator<ProgressReport>, ProgressReportValidator>();
        services.AddSingleton<IValidator<JournalPost>, JournalPostValidator>();
        services.AddSingleton<IValidator<IndicatorValuePost>, IndicatorValuePostValidator>();
        services.AddSingleton<IValidator<PlanMove>, PlanMoveValidator>();
        builder.AddFollowRateLimit();
    }

    public static void MapActionPlan(this WebApplication app)
    {
        app.MapPlanApi();
        app.MapFollowApi();
    }
}
