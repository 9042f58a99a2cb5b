using FluentValidation;

namespace Tables.Web.Features.Cycles;

public static class CyclesFeature
{
    public static void AddCycles(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CycleService>();
        builder.Services.AddSingleton<IValidator<CycleEdit>, CycleEditValidator>();
        builder.Services.AddSingleton<IValidator<PhaseMove>, PhaseMoveValidator>();
    }

    public static void MapCycles(this WebApplication app) => app.MapCyclesApi();
}
