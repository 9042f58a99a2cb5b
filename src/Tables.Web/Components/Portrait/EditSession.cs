namespace Tables.Web.Components.Portrait;

/// <summary>
/// The item being edited on the portrait page: what the person started from (<see cref="Base"/>), their version
/// (<see cref="Model"/>), and after a refused save the version saved meanwhile (<see cref="Theirs"/>; null when deleted).
/// </summary>
public sealed class EditSession
{
    public required PortraitBlock Block { get; init; }
    public required string Theme { get; init; }
    /// <summary>Null for a new item.</summary>
    public int? Id { get; set; }
    public required object Model { get; set; }
    public required object Base { get; init; }
    public bool InConflict { get; set; }
    public object? Theirs { get; set; }
}

/// <summary>What the page does for the editor: save the model, close, save a merge, or recreate an item deleted meanwhile.</summary>
public sealed record EditorActions(Func<Task> Save, Func<Task> Cancel, Func<object, Task> SaveMerged, Func<object, Task> Recreate, bool Busy);
