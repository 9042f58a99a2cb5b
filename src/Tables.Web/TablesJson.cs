using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tables.Web;

/// <summary>
/// The app's one <see cref="JsonSerializerOptions"/>: web defaults (camelCase), counting methods as their tokens
/// ("irv"), other enums by name, accents kept readable. Used for everything the app serializes itself (stored results,
/// JSON columns, the audit, samples, live messages read back); the framework's own HTTP and SignalR options get the same
/// rules through <see cref="Configure"/>. Never used to write JSON into an HTML page (the relaxed encoder does not
/// escape &lt;): the phone page keeps the default encoder for that.
/// </summary>
public static class TablesJson
{
    public static readonly JsonSerializerOptions Options = Readonly(Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }));

    /// <summary>Adds the app's converters to options the framework owns (HTTP, SignalR).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new Voting.VotingMethodJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    private static JsonSerializerOptions Readonly(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
