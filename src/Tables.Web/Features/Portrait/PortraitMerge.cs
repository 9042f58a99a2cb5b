using System.Reflection;

namespace Tables.Web.Features.Portrait;

/// <summary>Which version of a field a merge keeps; <see cref="Combined"/> is a text the person wrote from both.</summary>
public enum MergeChoice
{
    Mine,
    Theirs,
    Combined,
}

/// <summary>
/// One field of an item two people changed: its value when the person started editing (<see cref="Base"/>), theirs
/// (<see cref="Mine"/>) and the one saved meanwhile (<see cref="Theirs"/>).
/// </summary>
public sealed record MergeField(string Name, object? Base, object? Mine, object? Theirs)
{
    public bool ChangedByMe => !Equals(Base, Mine);
    public bool ChangedByThem => !Equals(Base, Theirs);
    /// <summary>Both changed it, differently: the person must choose.</summary>
    public bool IsConflict => ChangedByMe && ChangedByThem && !Equals(Mine, Theirs);
    public bool Differs => !Equals(Mine, Theirs);
    /// <summary>What a three-way merge keeps without asking: their change where the person left the field alone, else the person's.</summary>
    public MergeChoice Suggested => ChangedByThem && !ChangedByMe ? MergeChoice.Theirs : MergeChoice.Mine;
}

/// <summary>
/// Three-way merge of two edits of the same item (pure): fields only one side changed are taken from that side,
/// fields both changed are the person's choice. The result carries the version saved meanwhile, so saving it
/// is a normal update — refused again only if a third change came in between.
/// </summary>
public static class PortraitMerge
{
    public static IReadOnlyList<MergeField> Fields<T>(T @base, T mine, T theirs) where T : class =>
        Editable<T>().Select(p => new MergeField(p.Name, p.GetValue(@base), p.GetValue(mine), p.GetValue(theirs))).ToList();

    /// <param name="choices">Per field name; a field not named takes <see cref="MergeField.Suggested"/>.</param>
    /// <param name="combined">The text written from both versions, for fields whose choice is <see cref="MergeChoice.Combined"/>.</param>
    public static T Merge<T>(T @base, T mine, T theirs, IReadOnlyDictionary<string, MergeChoice> choices, IReadOnlyDictionary<string, string>? combined = null)
        where T : class, new()
    {
        var merged = new T();
        foreach (var field in Editable<T>())
        {
            var f = new MergeField(field.Name, field.GetValue(@base), field.GetValue(mine), field.GetValue(theirs));
            var choice = choices.TryGetValue(field.Name, out var c) ? c : f.Suggested;
            field.SetValue(merged, choice switch
            {
                MergeChoice.Theirs => f.Theirs,
                MergeChoice.Combined when field.PropertyType == typeof(string) && combined?.TryGetValue(field.Name, out var text) == true => text,
                _ => f.Mine,
            });
        }
        typeof(T).GetProperty("Version")?.SetValue(merged, typeof(T).GetProperty("Version")!.GetValue(theirs));
        return merged;
    }

    /// <summary>Fields a person edits: public read-write properties, the version excepted.</summary>
    private static IEnumerable<PropertyInfo> Editable<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0 && p.Name != "Version" && p.Name != "EqualityContract");
}
