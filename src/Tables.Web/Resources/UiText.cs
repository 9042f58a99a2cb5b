namespace Tables.Web.Resources;

/// <summary>Marker for the user-interface strings: UiText.resx (French, the neutral language) and UiText.en.resx.</summary>
public sealed class UiText;
