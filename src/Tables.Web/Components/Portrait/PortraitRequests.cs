using Tables.Web.Features.Portrait;

namespace Tables.Web.Components.Portrait;

/// <summary>The blocks of a theme, each with its own editor.</summary>
public enum PortraitBlock
{
    Indicators,
    Narratives,
    Testimonies,
    Resources,
}

/// <summary>
/// What a person asks from a theme section: add an item to a block (<see cref="Item"/> null), edit or delete one,
/// or moderate a testimony. The page does it and shows the editor in the theme.
/// </summary>
public sealed record ItemRequest(PortraitBlock Block, string Theme, IPortraitItem? Item = null, bool Delete = false, TestimonyStatus? Moderation = null);
