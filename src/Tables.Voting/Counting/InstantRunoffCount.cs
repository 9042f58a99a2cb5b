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
        var position = new int[input.BallotCount]; // index of the ballot's current choice in its ranking
        // The ballots that count for each option: a round looks again only at those of the options that leave.
        var piles = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        var votes = new long[n];
        var exhausted = 0L;
        for (var b = 0; b < input.BallotCount; b++)
        {
            // A counted ballot ranks at least one option, and every option is in the count at first.
            int first = input.PositionsOf(b)[0];
            piles[first].Add(b);
            votes[first] += input.UnitsOf(b);
        }
        int[]? elected = null;
        for (var round = 1; ; round++)
        {
            var continuing = input.TotalUnits - exhausted;
            var exhaustedNow = input.Figure(exhausted);
            history.Add((long[])votes.Clone());
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
                    Round = round, Tallies = tallies, Continuing = input.Figure(continuing), Exhausted = exhaustedNow,
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
                    Round = round, Tallies = tallies, Continuing = input.Figure(continuing), Exhausted = exhaustedNow, TieBreak = how,
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
                Exhausted = exhaustedNow,
                Eliminated = leaving.Select(i => input.Options[i]).ToArray(),
                TieBreak = how,
                Transfers = Transfer(input, leaving, active, position, piles, votes, ref exhausted),
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

    /// <summary>Moves the ballots of the leaving options to their next choice still in the count (or exhausts them),
    /// updating the votes; returns what moved where.</summary>
    private static IReadOnlyList<RunoffTransfer> Transfer(TallyInput input, int[] leaving, bool[] active, int[] position,
        List<int>[] piles, long[] votes, ref long exhausted)
    {
        var n = input.N;
        var moved = new long[n * (n + 1)]; // [from, to], to = n for "exhausted"
        foreach (var from in leaving)
        {
            foreach (var b in piles[from])
            {
                var options = input.PositionsOf(b);
                var units = input.UnitsOf(b);
                var p = position[b] + 1;
                while (p < options.Length && !active[options[p]])
                {
                    p++;
                }
                position[b] = p;
                var to = p < options.Length ? options[p] : -1;
                if (to >= 0)
                {
                    piles[to].Add(b);
                    votes[to] += units;
                }
                else
                {
                    exhausted += units;
                }
                moved[from * (n + 1) + (to < 0 ? n : to)] += units;
            }
            piles[from] = [];
            votes[from] = 0;
        }
        // Every ballot weighs more than 0: a pair that moved anything has a positive sum.
        return Enumerable.Range(0, moved.Length).Where(k => moved[k] > 0)
            .Select(k => new RunoffTransfer(input.Options[k / (n + 1)], k % (n + 1) == n ? null : input.Options[k % (n + 1)], input.Figure(moved[k])))
            .ToArray();
    }
}
