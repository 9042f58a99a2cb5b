using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Tables.Voting;

/// <summary>
/// One ballot, or a group of identical ballots (<see cref="Count"/>). Ranked methods read <see cref="Ranking"/>
/// (tie groups, best first; options left out are ranked below all others, tied); the other methods read
/// <see cref="Values"/> (0/1 for plurality and approval, points, a score or a grade; an option left out is unrated).
/// A ballot with neither is blank: counted apart, in no figure. Each ballot weighs <see cref="Count"/> ×
/// <see cref="Weight"/> (e.g. a weight per organisation).
/// </summary>
public sealed record Ballot
{
    private static readonly string[][] NoRanking = [];

    private readonly string[][] _ranking;
    private readonly ValueMap _values;

    private Ballot(string[][] ranking, ValueMap values)
    {
        _ranking = ranking;
        _values = values;
    }

    /// <summary>A blank ballot.</summary>
    public static Ballot Blank { get; } = new(NoRanking, ValueMap.Empty);

    /// <summary>Tie groups of option tokens, best first; empty for a rated or blank ballot.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Ranking => _ranking;

    /// <summary>A value per option token, in the order given; empty for a ranked or blank ballot.</summary>
    public IReadOnlyDictionary<string, int> Values => _values;

    /// <summary>How many identical ballots this stands for (a counted line of a file); at least 1.</summary>
    public long Count { get; init; } = 1;

    /// <summary>The weight of each of these ballots (default 1, more than 0, at most six decimals).</summary>
    public decimal Weight { get; init; } = 1m;

    /// <summary>The participant group (college, age band…) for the breakdown by group; null when none.</summary>
    public string? Group { get; init; }

    /// <summary>Nothing ranked and no value given.</summary>
    public bool IsBlank => _ranking.Length == 0 && _values.Count == 0;

    /// <summary>A ranking from tie groups, best first (empty groups are dropped).</summary>
    public static Ballot Ranked(IEnumerable<IEnumerable<string>> groups)
    {
        var ranking = groups.Select(g => g.ToArray()).Where(g => g.Length > 0).ToArray();
        return ranking.Length == 0 ? Blank : new Ballot(ranking, ValueMap.Empty);
    }

    /// <summary>A strict ranking, best first.</summary>
    public static Ballot Ranked(params string[] order) => Ranked(order.Select(o => new[] { o }));

    /// <summary>Values per option; throws <see cref="VotingException"/> (ballot.duplicate-option) when a token repeats.</summary>
    public static Ballot Rated(IEnumerable<KeyValuePair<string, int>> values)
    {
        var map = ValueMap.From(values);
        return map.Count == 0 ? Blank : new Ballot(NoRanking, map);
    }

    /// <summary>Values per option, e.g. <c>Ballot.Rated(("A", 5), ("B", 2))</c>.</summary>
    public static Ballot Rated(params (string Option, int Value)[] values) =>
        Rated(values.Select(v => KeyValuePair.Create(v.Option, v.Value)));

    /// <summary>A single choice (plurality), i.e. the value 1 for <paramref name="option"/>.</summary>
    public static Ballot Choice(string option) => Rated((option, 1));

    /// <summary>An approval ballot: the value 1 for each option.</summary>
    public static Ballot Approve(params string[] options) => Rated(options.Select(o => KeyValuePair.Create(o, 1)));

    public bool Equals(Ballot? other) =>
        other is not null
        && Count == other.Count && Weight == other.Weight && Group == other.Group
        && _ranking.Length == other._ranking.Length
        && _ranking.Zip(other._ranking).All(p => p.First.SequenceEqual(p.Second))
        && _values.SameAs(other._values);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Count);
        hash.Add(Weight);
        hash.Add(Group);
        foreach (var group in _ranking)
        {
            foreach (var option in group)
            {
                hash.Add(option);
            }
            hash.Add('>');
        }
        foreach (var (option, value) in _values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            hash.Add(option);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    /// <summary>A readable form: <c>3×A&gt;B=C</c>, <c>A/5,B/2</c>, with weight and group when set.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Count != 1)
        {
            text.Append(Count.ToString(CultureInfo.InvariantCulture)).Append('×');
        }
        text.Append(_ranking.Length > 0
            ? string.Join(">", _ranking.Select(g => string.Join("=", g)))
            : string.Join(",", _values.Select(v => v.Key + "/" + v.Value.ToString(CultureInfo.InvariantCulture))));
        if (IsBlank)
        {
            text.Append("(blank)");
        }
        if (Weight != 1m)
        {
            text.Append(" weight ").Append(Weight.ToString(CultureInfo.InvariantCulture));
        }
        if (Group is not null)
        {
            text.Append(" group ").Append(Group);
        }
        return text.ToString();
    }

    /// <summary>A small read-only map that keeps the order values were given in.</summary>
    private sealed class ValueMap : IReadOnlyDictionary<string, int>
    {
        public static readonly ValueMap Empty = new([], []);

        private readonly string[] _keys;
        private readonly int[] _values;

        private ValueMap(string[] keys, int[] values)
        {
            _keys = keys;
            _values = values;
        }

        public static ValueMap From(IEnumerable<KeyValuePair<string, int>> values)
        {
            var keys = new List<string>();
            var numbers = new List<int>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, value) in values)
            {
                ArgumentNullException.ThrowIfNull(key);
                if (!seen.Add(key))
                {
                    throw new VotingException(ErrorCodes.DuplicateOptionOnBallot, ("option", key));
                }
                keys.Add(key);
                numbers.Add(value);
            }
            return keys.Count == 0 ? Empty : new ValueMap(keys.ToArray(), numbers.ToArray());
        }

        public bool SameAs(ValueMap other) =>
            _keys.Length == other._keys.Length
            && _keys.Select((k, i) => other.TryGetValue(k, out var v) && v == _values[i]).All(same => same);

        public int this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
        public IEnumerable<string> Keys => _keys;
        public IEnumerable<int> Values => _values;
        public int Count => _keys.Length;
        public bool ContainsKey(string key) => Array.IndexOf(_keys, key) >= 0;

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out int value)
        {
            var i = Array.IndexOf(_keys, key);
            value = i >= 0 ? _values[i] : 0;
            return i >= 0;
        }

        public IEnumerator<KeyValuePair<string, int>> GetEnumerator()
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                yield return KeyValuePair.Create(_keys[i], _values[i]);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
