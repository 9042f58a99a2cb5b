namespace Tables.Voting.Counting;

/// <summary>
/// Instant-runoff by rounds (see docs/VOTING.md): each continuing ballot counts for its highest-ranked option still in
/// the count; an option with more than half of the continuing votes, or the last one left, is elected; otherwise the
/// option with the fewest votes leaves (all options without a vote leave together) and its ballots go to their next
/// choice or are exhausted. A tie for last place goes to the previous rounds (fewest votes in the latest round where
/// the tied options differed), then to the seeded draw; without a seed the tied options leave together.
/// </summary>
internal static class InstantRunoffCount
{
    public static MethodOutcome Count(TallyInput input, TieBreaker tieBreaker)
    {
        var n = input.N;
        var active = Enumerable.Repeat(true, n).ToArray();
        var remaining = n;
        var lastVotes = new long[n];
        var history = new List<long[]>();
        var eliminatedInOrder = new List<int[]>();
        var rounds = new List<RunoffRound>();
        var position = new int[input.Ballots.Length]; // index of the ballot's current choice in its ranking
        int[]? elected = null;
        var exhausted = 0L;
        for (var round = 1; ; round++)
        {
            var votes = new long[n];
            var continuing = 0L;
            exhausted = 0L;
            for (var b = 0; b < input.Ballots.Length; b++)
            {
                var ballot = input.Ballots[b];
                var p = position[b];
                while (p < ballot.Options.Length && !active[ballot.Options[p]])
                {
                    p++;
                }
                position[b] = p;
                if (p < ballot.Options.Length)
                {
                    votes[ballot.Options[p]] += ballot.Units;
                    continuing += ballot.Units;
                }
                else
                {
                    exhausted += ballot.Units;
                }
            }
            history.Add(votes);
            for (var i = 0; i < n; i++)
            {
                if (active[i])
                {
                    lastVotes[i] = votes[i];
                }
            }
            var tallies = Enumerable.Range(0, n).Where(i => active[i]).ToDictionary(i => input.Options[i], i => input.Figure(votes[i]));
            var leader = Enumerable.Range(0, n).Where(i => active[i]).MaxBy(i => votes[i]);
            if (remaining == 1 || (continuing > 0 && 2 * votes[leader] > continuing))
            {
                elected = [leader];
                rounds.Add(new RunoffRound
                {
                    Round = round, Tallies = tallies, Continuing = input.Figure(continuing), Exhausted = input.Figure(exhausted),
                    Elected = input.Options[leader],
                });
                break;
            }
            var activeOptions = Enumerable.Range(0, n).Where(i => active[i]).ToArray();
            var least = activeOptions.Min(i => votes[i]);
            var lowest = activeOptions.Where(i => votes[i] == least).ToArray();
            string? how = null;
            int[] leaving;
            if (least == 0 && lowest.Length > 1 && lowest.Length < remaining)
            {
                leaving = lowest;
                how = "no-votes";
            }
            else if (lowest.Length == 1)
            {
                leaving = lowest;
            }
            else
            {
                leaving = PreviousRounds(lowest, history);
                how = "previous-rounds";
                if (leaving.Length > 1)
                {
                    if (tieBreaker.CanDraw)
                    {
                        leaving = [tieBreaker.Draw(leaving, "irv-elimination", round)[^1]];
                        how = "draw";
                    }
                    else
                    {
                        how = "together";
                    }
                }
            }
            if (leaving.Length == remaining)
            {
                // Everyone left is tied and no draw can part them: they share first place.
                elected = leaving;
                rounds.Add(new RunoffRound
                {
                    Round = round, Tallies = tallies, Continuing = input.Figure(continuing), Exhausted = input.Figure(exhausted), TieBreak = how,
                });
                break;
            }
            foreach (var i in leaving)
            {
                active[i] = false;
            }
            remaining -= leaving.Length;
            eliminatedInOrder.Add(leaving);
            rounds.Add(new RunoffRound
            {
                Round = round,
                Tallies = tallies,
                Continuing = input.Figure(continuing),
                Exhausted = input.Figure(exhausted),
                Eliminated = leaving.Select(i => input.Options[i]).ToArray(),
                TieBreak = how,
                Transfers = Transfers(input, leaving, active, position),
            });
        }

        // Order: the elected, then the others of the last round by votes, then the eliminated, last out first.
        var ranking = new List<int[]> { elected };
        var rest = Enumerable.Range(0, n).Where(i => active[i] && !elected.Contains(i));
        ranking.AddRange(RankOrder.Best(rest, (a, b) => lastVotes[a].CompareTo(lastVotes[b])));
        for (var k = eliminatedInOrder.Count - 1; k >= 0; k--)
        {
            ranking.Add(eliminatedInOrder[k]);
        }
        var winnerVotes = lastVotes;
        return new MethodOutcome(ranking, lastVotes.Select(input.Figure).ToArray(),
            new InstantRunoffExplanation { Rounds = rounds }, "final-round", w => winnerVotes[w]);
    }

    /// <summary>The tied options with the fewest votes in the latest earlier round where they differed.</summary>
    private static int[] PreviousRounds(int[] tied, List<long[]> history)
    {
        var candidates = tied;
        for (var r = history.Count - 2; r >= 0 && candidates.Length > 1; r--)
        {
            var votes = history[r];
            var least = candidates.Min(i => votes[i]);
            candidates = candidates.Where(i => votes[i] == least).ToArray();
        }
        return candidates;
    }

    /// <summary>Where the ballots now on the leaving options go next (computed before the next round moves them).</summary>
    private static IReadOnlyList<RunoffTransfer> Transfers(TallyInput input, int[] leaving, bool[] active, int[] position)
    {
        var moved = new Dictionary<(int From, int To), long>();
        for (var b = 0; b < input.Ballots.Length; b++)
        {
            var ballot = input.Ballots[b];
            var p = position[b];
            if (p >= ballot.Options.Length || active[ballot.Options[p]] || Array.IndexOf(leaving, ballot.Options[p]) < 0)
            {
                continue;
            }
            var from = ballot.Options[p];
            var next = p + 1;
            while (next < ballot.Options.Length && !active[ballot.Options[next]])
            {
                next++;
            }
            var to = next < ballot.Options.Length ? ballot.Options[next] : -1;
            moved[(from, to)] = moved.GetValueOrDefault((from, to)) + ballot.Units;
        }
        return moved.OrderBy(m => m.Key.From).ThenBy(m => m.Key.To < 0 ? int.MaxValue : m.Key.To)
            .Select(m => new RunoffTransfer(input.Options[m.Key.From], m.Key.To < 0 ? null : input.Options[m.Key.To], input.Figure(m.Value)))
            .ToArray();
    }
}
