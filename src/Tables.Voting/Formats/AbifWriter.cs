using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tables.Voting;

/// <summary>Writes ABIF: what <see cref="AbifReader"/> reads back to the same options, ballots and metadata.</summary>
internal static class AbifWriter
{
    /// <summary>Metadata lines, one declaration per option, then one line per ballot (see <see cref="Abif.Write"/>).</summary>
    public static string Write(IReadOnlyList<OptionDeclaration> options, IEnumerable<Ballot> ballots,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ballots);
        var text = new StringBuilder();
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            text.Append('{').Append(JsonSerializer.Serialize(key)).Append(": ").Append(JsonSerializer.Serialize(value)).Append("}\n");
        }
        foreach (var option in options)
        {
            text.Append('=').Append(WriteToken(option.Token)).Append(':');
            if (option.Name is { } name)
            {
                if (name.Contains(']') || name.Any(char.IsControl))
                {
                    throw new VotingException(ErrorCodes.AbifNotWritable, ("option", option.Token));
                }
                text.Append('[').Append(name).Append(']');
            }
            text.Append('\n');
        }
        foreach (var ballot in ballots)
        {
            text.Append(ballot.Count.ToString(CultureInfo.InvariantCulture)).Append(':');
            if (ballot.Ranking.Count > 0)
            {
                text.AppendJoin('>', ballot.Ranking.Select(g => string.Join('=', g.Select(WriteToken))));
            }
            else
            {
                var values = ballot.Values.Select((v, i) => (v.Key, v.Value, i)).OrderByDescending(v => v.Value).ThenBy(v => v.i).ToArray();
                for (var k = 0; k < values.Length; k++)
                {
                    if (k > 0)
                    {
                        text.Append(values[k].Value == values[k - 1].Value ? '=' : '>');
                    }
                    text.Append(WriteToken(values[k].Key)).Append('/').Append(values[k].Value.ToString(CultureInfo.InvariantCulture));
                }
            }
            if (ballot.Weight != 1m || ballot.Group is not null)
            {
                var extension = new Dictionary<string, object>();
                if (ballot.Group is { } group)
                {
                    extension["group"] = group;
                }
                if (ballot.Weight != 1m)
                {
                    extension["weight"] = ballot.Weight;
                }
                text.Append(" ##").Append(JsonSerializer.Serialize(extension));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A bare token when it is plain ASCII letters, digits, '_' and '-'; else in brackets or quotes.</summary>
    internal static string WriteToken(string token)
    {
        if (token.Length > 0 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return token;
        }
        if (!token.Contains(']'))
        {
            return "[" + token + "]";
        }
        if (!token.Contains('"'))
        {
            return "\"" + token + "\"";
        }
        throw new VotingException(ErrorCodes.AbifNotWritable, ("option", token));
    }
}
