using FluentValidation;

namespace Tables.Web.Features.Tables;

public static class TablesFeature
{
    public static void AddTables(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TableService>();
        builder.Services.AddSingleton<IValidator<TableEdit>, TableEditValidator>();
        builder.Services.AddSingleton<IValidator<TableCreate>, TableCreateValidator>();
    }

    public static void MapTables(this WebApplication app) => app.MapTablesApi();
}
