using MudBlazor;

namespace Tables.Web.Components.Layout;

/// <summary>Colours with enough contrast for a projector and for WCAG AA text.</summary>
public static class TablesTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5e4b",
            Secondary = "#8a3b12",
            AppbarBackground = "#1f5e4b",
            TextSecondary = "#4a4a4a",
            Error = "#b3261e",
            Info = "#0b57a4",
            Success = "#1e6b34",
            Warning = "#8a4b00",
        },
    };
}
