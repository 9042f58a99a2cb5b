using FluentValidation;

namespace Tables.Web.Features.Cycles;

public static class CyclesFeature
{
    public static void AddCycles(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CycleService>();
        builder.Services.AddScoped<IValidator<CycleEdit>, CycleEditValidator>();
        builder.Services.AddScoped<IValidator<PhaseMove>, PhaseMoveValidator>();
    }

    public static void MapCycles(this WebApplication app) => app.MapCyclesApi();
}
