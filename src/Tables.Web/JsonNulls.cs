using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tables.Web;

/// <summary>
/// Refuses <c>null</c> where the app's request types say a value cannot be null — a property, an element of a list
/// (<c>options: ["A", null]</c>, <c>agenda: [null]</c>, <c>ranking: [null]</c>) or a value of a dictionary — while the
/// JSON is read, for the API and the hubs alike. The nullable annotations of the C# types are the rule, so a new request
/// type is covered without anyone remembering to check it: the code behind never sees such a null (which used to give
/// a 500 or a NullReferenceException in the counter). The API answers 400 problem+json naming the field
/// (<see cref="Data.ProblemMapping"/>); a hub call is refused as an argument SignalR could not bind.
/// </summary>
public static class JsonNulls
{
    /// <summary>Adds the check to options the framework reads requests with (HTTP, SignalR).</summary>
    public static void Refuse(JsonSerializerOptions options) =>
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Modify);

    private static void Modify(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Assembly != typeof(JsonNulls).Assembly)
        {
            return;
        }
        // NullabilityInfoContext is not thread-safe: one per type, made when the type's contract is built (once).
        var nullability = new NullabilityInfoContext();
        var checks = info.Properties
            .Where(p => p.Get is not null && p.AttributeProvider is PropertyInfo)
            .Select(p => (p.Name, Get: p.Get!, Info: nullability.Create((PropertyInfo)p.AttributeProvider!)))
            .Where(c => MayHoldForbiddenNull(c.Info))
            .ToArray();
        if (checks.Length == 0)
        {
            return;
        }
        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var (name, get, nullabilityInfo) in checks)
            {
                Check(get(value), nullabilityInfo, "$." + name);
            }
        };
    }

    private static bool IsContainer(Type type) => typeof(IEnumerable).IsAssignableFrom(type);

    /// <summary>Whether a value of this declaration can hold a null it must not: itself, or an element at any depth.</summary>
    private static bool MayHoldForbiddenNull(NullabilityInfo info) =>
        info.Type.IsValueType && Nullable.GetUnderlyingType(info.Type) is null
            ? false
            : info.ReadState == NullabilityState.NotNull || Elements(info) is { } element && MayHoldForbiddenNull(element);

    private static NullabilityInfo? Elements(NullabilityInfo info) =>
        info.Type == typeof(string) ? null
        : info.ElementType ?? (IsContainer(info.Type) && info.GenericTypeArguments.Length > 0 ? info.GenericTypeArguments[^1] : null);

    private static void Check(object? value, NullabilityInfo info, string path)
    {
        if (value is null)
        {
            if (info.ReadState == NullabilityState.NotNull && !(info.Type.IsValueType && Nullable.GetUnderlyingType(info.Type) is not null))
            {
                throw new JsonException($"A value is required at {path}.", path, null, null);
            }
            return;
        }
        if (value is string || Elements(info) is not { } element)
        {
            return;
        }
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                Check(entry.Value, element, $"{path}.{entry.Key}");
            }
            return;
        }
        var i = 0;
        foreach (var item in (IEnumerable)value)
        {
            Check(item, element, $"{path}[{i++}]");
        }
    }
}
