using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Resources;

namespace Tables.Web.Features.Tables;

/// <summary>Editable fields of a table. <see cref="Version"/> is the version the editor started from.</summary>
public class TableEdit
{
    public string Name { get; set; } = "";
    public string Neighbourhood { get; set; } = "";
    public string? Description { get; set; }
    public string DefaultLanguage { get; set; } = "fr";
    public bool IsPublic { get; set; }
    public List<string> Themes { get; set; } = [];
    public Guid? Version { get; set; }

    public static TableEdit From(Table t) => new()
    {
        Name = t.Name, Neighbourhood = t.Neighbourhood, Description = t.Description, DefaultLanguage = t.DefaultLanguage,
        IsPublic = t.IsPublic, Themes = [.. t.Themes], Version = t.Version,
    };
}

/// <summary>A new table: its fields plus its URL name.</summary>
public sealed class TableCreate : TableEdit
{
    public string Slug { get; set; } = "";
}

public class TableEditValidator : AbstractValidator<TableEdit>
{
    public TableEditValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(t => t.Name).NotEmpty().MaximumLength(TableRules.NameMax).WithName(_ => text["Field.Name"]);
        RuleFor(t => t.Neighbourhood).NotEmpty().MaximumLength(TableRules.NameMax).WithName(_ => text["Field.Neighbourhood"]);
        RuleFor(t => t.Description).MaximumLength(TableRules.DescriptionMax).WithName(_ => text["Field.Description"]);
        RuleFor(t => t.DefaultLanguage).Must(l => TableRules.Languages.Contains(l))
            .WithMessage(_ => text["Validation.Language"]).WithName(_ => text["Field.Language"]);
        RuleFor(t => t.Themes).Must(t => t.Count <= TableRules.ThemesMax)
            .WithMessage(_ => text["Validation.ThemesCount", TableRules.ThemesMax]).WithName(_ => text["Field.Themes"]);
        RuleForEach(t => t.Themes).NotEmpty().MaximumLength(TableRules.ThemeMax).WithName(_ => text["Field.Theme"]);
    }
}

public sealed partial class TableCreateValidator : AbstractValidator<TableCreate>
{
    /// <summary>A singleton like every validator; the slug check reads the database in a scope of its own.</summary>
    public TableCreateValidator(IStringLocalizer<UiText> text, IServiceScopeFactory scopes)
    {
        Include(new TableEditValidator(text));
        RuleFor(t => t.Slug).Cascade(CascadeMode.Stop)
            .NotEmpty().MaximumLength(TableRules.SlugMax)
            .Matches(SlugPattern()).WithMessage(_ => text["Validation.Slug"])
            .MustAsync(async (slug, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return !await scope.ServiceProvider.GetRequiredService<TablesDbContext>().Tables.AnyAsync(t => t.Slug == slug, ct);
            }).WithMessage(_ => text["Validation.SlugTaken"])
            .WithName(_ => text["Field.Slug"]);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex SlugPattern();
}
