namespace Tables.Web.Features.Tables;

/// <summary>Field limits shared by validators and the database mapping.</summary>
public static class TableRules
{
    public const int NameMax = 200;
    public const int SlugMax = 64;
    public const int DescriptionMax = 4000;
    public const int ThemeMax = 80;
    public const int ThemesMax = 40;
    public static readonly IReadOnlyList<string> Languages = ["fr", "en"];
}
