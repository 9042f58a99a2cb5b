using Tables.Reports.Models;
using Tables.Reports.Pdf;
using Tables.Voting;

namespace Tables.Reports.Documents;

/// <summary>
/// One ballot's full result, as the screens show it: method, who could take part, turnout, paper and digital
/// ballots, the result chart, the method's own explanation (rounds, pairwise matrix, merit profiles), the published
/// seed of any draw, and the breakdown by group — turnout only for a secret ballot, never choices.
/// </summary>
internal sealed class BallotSection(ReportLayout layout)
{
    private ReportCulture C => layout.C;

    public void Compose(ColumnDescriptor col, BallotReport ballot, bool withHeading = true)
    {
        if (withHeading)
        {
            layout.Heading(col, ballot.Question, layout.T("Ballot.Eyebrow"));
        }
        var result = ballot.Result;
        var facts = new List<(string, string)>
        {
            (layout.T("Ballot.Method"), layout.T("Method." + ballot.Method.Token()) + MethodDetail(ballot)),
            (layout.T("Ballot.Participation"), layout.T("Participation." + ballot.Participation)),
            (layout.T("Ballot.Secrecy"), layout.T(ballot.Secret ? "Ballot.Secret" : "Ballot.Named")),
            (layout.T("Ballot.Ballots"), layout.T("Ballot.BallotsDetail", result.Ballots, ballot.PaperBallots, ballot.DigitalBallots, result.BlankBallots)),
        };
        if (ballot.Eligible is > 0 and var eligible)
        {
            facts.Add((layout.T("Ballot.Turnout"), layout.T("Ballot.TurnoutDetail", C.Percent((decimal)result.Ballots / eligible), eligible)));
        }
        if (result.Turnout.Quorum is { } quorum)
        {
            facts.Add((layout.T("Ballot.Quorum"), layout.T(result.Turnout.QuorumMet == true ? "Ballot.QuorumMet" : "Ballot.QuorumMissed", quorum)));
        }
        if (result.Majority is { } majority)
        {
            facts.Add((layout.T("Ballot.Majority"), layout.T(majority.Met ? "Ballot.MajorityMet" : "Ballot.MajorityMissed",
                C.Percent(majority.Share, 1), $"{majority.Required.Numerator}/{majority.Required.Denominator}")));
        }
        if (ballot.ClosedAt is { } closed)
        {
            facts.Add((layout.T("Ballot.Closed"), C.Date(closed) + ", " + C.Time(closed)));
        }
        if (result.TieBreak.Seed is { } seed)
        {
            facts.Add((layout.T("Ballot.Seed"), layout.T(result.TieBreak.Used ? "Ballot.SeedUsed" : "Ballot.SeedUnused", seed)));
        }
        Facts(col, facts);

        if (result.Winners.Count > 0)
        {
            layout.Callout(col, Palette.Ecological).Text(t =>
            {
                t.Span(layout.T(result.Winners.Count > 1 ? "Ballot.Winners" : "Ballot.Winner") + " ").Bold();
                t.Span(string.Join(" · ", result.Winners.Select(ballot.Label)));
            });
        }
        layout.Subheading(col, layout.T("Ballot.Result"));
        ResultChart(col.Item(), ballot);
        layout.Paragraph(col, layout.T("Explain." + ballot.Method.Token()));
        Explanation(col, ballot);
        Groups(col, ballot);
    }

    private string MethodDetail(BallotReport ballot) => ballot.Method switch
    {
        VotingMethod.Approval when ballot.MaxChoices is { } k => " " + layout.T("Ballot.UpTo", k, ballot.Options.Count),
        VotingMethod.Cumulative when ballot.MaxPoints is { } p => " " + layout.T("Ballot.Points", p),
        _ => "",
    };

    private void Facts(ColumnDescriptor col, IReadOnlyList<(string Label, string Value)> facts) =>
        col.Item().Table(table =>
        {
            table.ColumnsDefinition(c =>
            {
                c.ConstantColumn(130);
                c.RelativeColumn();
            });
            foreach (var (label, value) in facts)
            {
                table.Cell().PaddingVertical(2).Text(label).FontColor(Palette.Muted).FontSize(9);
                table.Cell().PaddingVertical(2).Text(value).FontSize(9.5f);
            }
        });

    /// <summary>The result as bars: the figure each option is ranked by, in the ranking's order.</summary>
    public void ResultChart(IContainer container, BallotReport ballot)
    {
        var result = ballot.Result;
        var order = result.Ranking.SelectMany(g => g).ToList();
        if (result.Explanation is MajorityJudgmentExplanation mj)
        {
            var grades = Enumerable.Range(0, mj.Grades).ToList();
            var series = grades.Select(g => new ChartSeries(Grade(g, mj.Grades), GradeColor(g, mj.Grades),
                order.Select(o => (double)mj.Options[o].Shares[g]).ToList())).ToList();
            ReportCharts.StackedBars(container, order.Select(ballot.Label).ToList(), series, v => C.Percent((decimal)v), percent: true);
            return;
        }
        var winners = result.Winners.ToHashSet();
        var bars = order.Select(o => new ChartBar(ballot.Label(o), (double)result.Scores[o], Figure(ballot, o),
            winners.Contains(o) ? Palette.Ecological : Palette.Primary)).ToList();
        ReportCharts.HorizontalBars(container, bars);
    }

    private string Figure(BallotReport ballot, string option)
    {
        var result = ballot.Result;
        var score = result.Scores[option];
        return result.Explanation switch
        {
            ChoiceExplanation choice => $"{C.Number(score)} ({C.Percent(choice.Options[option].SupportShare)})",
            ScoreExplanation s => layout.T("Ballot.Mean", C.Number(s.Options[option].Mean, 2)),
            SchulzeExplanation => layout.T("Ballot.Beats", score),
            _ => C.Number(score, score == decimal.Truncate(score) ? 0 : 1),
        };
    }

    private void Explanation(ColumnDescriptor col, BallotReport ballot)
    {
        switch (ballot.Result.Explanation)
        {
            case InstantRunoffExplanation irv:
                layout.Subheading(col, layout.T("Ballot.Rounds"));
                var options = ballot.Options.Select(o => o.Token).ToList();
                var headers = new List<TableHeader> { new(layout.T("Ballot.Option"), 3) };
                headers.AddRange(irv.Rounds.Select(r => new TableHeader(layout.T("Ballot.Round", r.Round), 1, Right: true)));
                layout.DataTable(col, headers, options.Select(o =>
                {
                    var cells = new List<Action<IContainer>> { ReportLayout.Cell(ballot.Label(o)) };
                    cells.AddRange(irv.Rounds.Select(r => ReportLayout.Cell(
                        r.Tallies.TryGetValue(o, out var v) ? C.Number(v) + (r.Eliminated.Contains(o) ? " ✗" : r.Elected == o ? " ✓" : "") : "—",
                        right: true, bold: r.Elected == o)));
                    return cells;
                }).Append(ExhaustedRow(irv)));
                layout.Note(col, layout.T("Ballot.RoundsNote"));
                break;
            case SchulzeExplanation schulze:
                layout.Subheading(col, layout.T("Ballot.Pairwise"));
                var matrixHeaders = new List<TableHeader> { new("", 3) };
                matrixHeaders.AddRange(schulze.Options.Select((_, i) => new TableHeader(((char)('A' + i)).ToString(), 1, Right: true)));
                layout.DataTable(col, matrixHeaders, schulze.Options.Select((o, i) =>
                {
                    var cells = new List<Action<IContainer>> { ReportLayout.Cell($"{(char)('A' + i)}. {ballot.Label(o)}") };
                    cells.AddRange(schulze.Options.Select((_, j) => ReportLayout.Cell(i == j ? "—" : C.Number(schulze.Pairwise[i][j]), right: true,
                        bold: i != j && schulze.Pairwise[i][j] > schulze.Pairwise[j][i])));
                    return cells;
                }));
                layout.Note(col, layout.T("Ballot.PairwiseNote"));
                break;
            case MajorityJudgmentExplanation mj:
                layout.Subheading(col, layout.T("Ballot.Merit"));
                layout.DataTable(col, [new(layout.T("Ballot.Option"), 3), new(layout.T("Ballot.Median"), 1.4f), new(layout.T("Ballot.Above"), 1, Right: true), new(layout.T("Ballot.Below"), 1, Right: true)],
                    ballot.Result.Ranking.SelectMany(g => g).Select(o => (IReadOnlyList<Action<IContainer>>)
                    [
                        ReportLayout.Cell(ballot.Label(o)),
                        ReportLayout.Cell(Grade(mj.Options[o].Median, mj.Grades) + " " + (mj.Options[o].Gauge == "+" ? "+" : "−"), bold: true),
                        ReportLayout.Cell(C.Percent(mj.Options[o].Above), right: true),
                        ReportLayout.Cell(C.Percent(mj.Options[o].Below), right: true),
                    ]));
                break;
        }
    }

    private IReadOnlyList<Action<IContainer>> ExhaustedRow(InstantRunoffExplanation irv)
    {
        var cells = new List<Action<IContainer>> { ReportLayout.Cell(layout.T("Ballot.Exhausted"), color: Palette.Muted) };
        cells.AddRange(irv.Rounds.Select(r => ReportLayout.Cell(C.Number(r.Exhausted), right: true, color: Palette.Muted)));
        return cells;
    }

    private void Groups(ColumnDescriptor col, BallotReport ballot)
    {
        if (ballot.TurnoutByGroup.Count == 0 && (ballot.Secret || ballot.ChoicesByGroup.Count == 0))
        {
            return;
        }
        layout.Subheading(col, layout.T("Ballot.ByGroup"));
        if (ballot.TurnoutByGroup.Count > 0)
        {
            layout.DataTable(col, [new(layout.T("Ballot.Group"), 3), new(layout.T("Ballot.Ballots"), 1, Right: true), new(layout.T("Ballot.Share"), 1, Right: true)],
                ballot.TurnoutByGroup.Select(g => (IReadOnlyList<Action<IContainer>>)
                [
                    ReportLayout.Cell(g.Group),
                    ReportLayout.Cell(C.Number(g.Count), right: true),
                    ReportLayout.Cell(ballot.Result.Ballots > 0 ? C.Percent((decimal)g.Count / ballot.Result.Ballots) : "—", right: true),
                ]));
        }
        if (ballot.Secret)
        {
            // The rule of every screen and export: a secret ballot's choices are never shown by group.
            layout.Note(col, layout.T("Ballot.SecretNote"));
            return;
        }
        var top = ballot.Result.Ranking.SelectMany(g => g).Take(5).ToList();
        var headers = new List<TableHeader> { new(layout.T("Ballot.Group"), 2.2f) };
        headers.AddRange(top.Select(o => new TableHeader(ballot.Label(o), 1, Right: true)));
        layout.DataTable(col, headers, ballot.ChoicesByGroup.Select(g =>
        {
            var cells = new List<Action<IContainer>> { ReportLayout.Cell(g.Group) };
            cells.AddRange(top.Select(o => ReportLayout.Cell(g.Scores.TryGetValue(o, out var v) ? C.Number(v) : "0", right: true)));
            return cells;
        }));
    }

    private string Grade(int grade, int grades) =>
        grades == 6 ? layout.T("Grade." + grade) : C.Number(grade);

    private static string GradeColor(int grade, int grades)
    {
        string[] scale = ["#BA2525", "#E07A5F", "#E9C46A", "#A7C957", "#52A06A", "#1D6B4F"];
        return scale[Math.Clamp(grades <= 1 ? 0 : grade * (scale.Length - 1) / (grades - 1), 0, scale.Length - 1)];
    }
}
