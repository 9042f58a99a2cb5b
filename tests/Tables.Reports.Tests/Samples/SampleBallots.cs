using SkiaSharp;
using Tables.Reports.Models;
using Tables.Voting;

namespace Tables.Reports.Tests.Samples;

/// <summary>
/// Ballots of the fictional Tilleuls table, counted by Tables.Voting from seeded random ballots (the same every
/// run), so the reports show real tallies with their explanations.
/// </summary>
public static class SampleBallots
{
    public static readonly TableInfo Table = new("Table de quartier des Tilleuls (fictive)", "Les Tilleuls, Montréal (quartier fictif)", Logo(), "https://tilleuls.example");

    public static readonly string[] Groups = ["Résident·e", "Organisme communautaire", "Institution", "Milieu économique", "Autres"];

    public static readonly string[] PriorityOptions =
    [
        "Du logement abordable et salubre", "Manger sainement à bon prix", "Des ruelles et des parcs plus verts",
        "Se déplacer en sécurité à pied et à vélo", "La réussite éducative des jeunes", "Briser l'isolement des aînés",
        "Un quartier accueillant pour les personnes nouvellement arrivées", "Des commerces de proximité vivants", "Des lieux de rencontre et de culture",
    ];

    /// <summary>"Choisissez 6 priorités sur 9": capped approval, secret, check-in cards, 142 ballots.</summary>
    public static BallotReport Approval(int voters = 142)
    {
        double[] appeal = [0.83, 0.78, 0.71, 0.64, 0.69, 0.52, 0.41, 0.33, 0.47];
        var random = new Random(2026_03_19);
        var tokens = Tokens(PriorityOptions.Length);
        var ballots = new List<Ballot>();
        for (var v = 0; v < voters; v++)
        {
            var chosen = tokens.Where((_, i) => random.NextDouble() < appeal[i]).Take(6).ToArray();
            ballots.Add(v % 37 == 36 ? Ballot.Blank : Ballot.Approve(chosen));
        }
        var result = Tally.Count(VotingMethod.Approval, tokens, ballots, new MethodOptions { MaxChoices = 6, Seed = "7305518842" });
        return new BallotReport
        {
            Question = "Quelles priorités pour le plan 2025-2028 ? (6 choix sur 9)",
            Method = VotingMethod.Approval,
            Options = Options(tokens, PriorityOptions),
            Result = result,
            Secret = true,
            Participation = ParticipationMode.CheckInCards,
            MaxChoices = 6,
            Eligible = 150,
            PaperBallots = 23,
            DigitalBallots = voters - 23,
            OpenedAt = new DateTime(2026, 3, 19, 20, 5, 0),
            ClosedAt = new DateTime(2026, 3, 19, 20, 32, 0),
            TurnoutByGroup = Split(voters, [0.58, 0.2, 0.1, 0.06, 0.06]),
        };
    }

    /// <summary>Majority judgment on five ways to green the lanes: secret, open to anyone with the code.</summary>
    public static BallotReport MajorityJudgment(int voters = 118)
    {
        string[] labels = ["Ruelles vertes pilotées par les riverains", "Plantation de 500 arbres", "Îlots de fraîcheur aux abords des écoles", "Compost communautaire", "Café-réparation mensuel"];
        double[] mean = [3.9, 3.4, 3.6, 2.6, 2.2];
        var random = new Random(2026_03_20);
        var tokens = Tokens(labels.Length);
        var ballots = Enumerable.Range(0, voters).Select(_ => Ballot.Rated(tokens.Select((t, i) =>
            KeyValuePair.Create(t, Math.Clamp((int)Math.Round(mean[i] + (random.NextDouble() + random.NextDouble() - 1) * 2.2), 0, 5))))).ToList();
        var result = Tally.Count(VotingMethod.MajorityJudgment, tokens, ballots, new MethodOptions { MaxScore = 5, Seed = "4417" });
        return new BallotReport
        {
            Question = "Comment verdir les Tilleuls ? Jugez chaque proposition",
            Method = VotingMethod.MajorityJudgment,
            Options = Options(tokens, labels),
            Result = result,
            Secret = true,
            Participation = ParticipationMode.Open,
            MaxScore = 5,
            PaperBallots = 9,
            DigitalBallots = voters - 9,
            ClosedAt = new DateTime(2026, 3, 19, 21, 2, 0),
            TurnoutByGroup = Split(voters, [0.62, 0.18, 0.09, 0.05, 0.06]),
        };
    }

    /// <summary>Instant-runoff among partners on where the first project starts: a named ballot, members only.</summary>
    public static BallotReport InstantRunoff(bool secret = false)
    {
        string[] labels = ["Rue des Érables", "Secteur est", "Abords du métro", "Parc Principal"];
        int[][] orders = [[0, 1, 2], [0, 2], [1, 0, 3], [1, 3, 0], [2, 1, 0], [2, 0], [3, 1], [3, 2, 1]];
        int[] counts = [7, 3, 5, 2, 4, 2, 3, 2];
        var tokens = Tokens(labels.Length);
        var ballots = new List<Ballot>();
        var groups = new List<GroupChoices>();
        for (var k = 0; k < orders.Length; k++)
        {
            for (var n = 0; n < counts[k]; n++)
            {
                ballots.Add(Ballot.Ranked(orders[k].Select(i => tokens[i]).ToArray()));
            }
        }
        var result = Tally.Count(VotingMethod.InstantRunoff, tokens, ballots, new MethodOptions { Seed = "99120" });
        return new BallotReport
        {
            Question = "Où commencer le premier chantier de verdissement ?",
            Method = VotingMethod.InstantRunoff,
            Options = Options(tokens, labels),
            Result = result,
            Secret = secret,
            Participation = ParticipationMode.Members,
            Eligible = 31,
            PaperBallots = 0,
            DigitalBallots = ballots.Count,
            ClosedAt = new DateTime(2026, 3, 19, 21, 20, 0),
            TurnoutByGroup = [new("Organisme communautaire", 16), new("Institution", 8), new("Milieu économique", 4)],
            ChoicesByGroup =
            [
                new("Organisme communautaire", 16, new Dictionary<string, decimal> { ["A"] = 7, ["B"] = 4, ["C"] = 3, ["D"] = 2 }),
                new("Institution", 8, new Dictionary<string, decimal> { ["A"] = 3, ["B"] = 2, ["C"] = 2, ["D"] = 1 }),
                new("Milieu économique", 4, new Dictionary<string, decimal> { ["A"] = 2, ["B"] = 1, ["C"] = 1, ["D"] = 0 }),
            ],
        };
    }

    /// <summary>Condorcet–Schulze on the order of the three housing actions.</summary>
    public static BallotReport Schulze()
    {
        string[] labels = ["Registre des loyers", "Clinique de droit du logement", "Coopérative familiale", "Rénovation des HLM"];
        var random = new Random(2026_03_21);
        var tokens = Tokens(labels.Length);
        double[] pull = [1.2, 1.0, 0.7, 0.9];
        var ballots = Enumerable.Range(0, 96).Select(_ => Ballot.Ranked(tokens.OrderByDescending(t => pull[t[0] - 'A'] + random.NextDouble() * 1.4).ToArray())).ToList();
        var result = Tally.Count(VotingMethod.Schulze, tokens, ballots, new MethodOptions { Seed = "31415" });
        return new BallotReport
        {
            Question = "Dans quel ordre lancer les actions en habitation ?",
            Method = VotingMethod.Schulze,
            Options = Options(tokens, labels),
            Result = result,
            Secret = true,
            Participation = ParticipationMode.CheckInCards,
            Eligible = 150,
            PaperBallots = 12,
            DigitalBallots = 84,
            ClosedAt = new DateTime(2026, 3, 19, 21, 12, 0),
            TurnoutByGroup = Split(96, [0.6, 0.2, 0.1, 0.05, 0.05]),
        };
    }

    private static string[] Tokens(int count) => Enumerable.Range(0, count).Select(i => ((char)('A' + i)).ToString()).ToArray();

    private static BallotOptionInfo[] Options(string[] tokens, string[] labels) => tokens.Select((t, i) => new BallotOptionInfo(t, labels[i])).ToArray();

    private static GroupCount[] Split(long total, double[] shares)
    {
        var counts = shares.Select(s => (long)Math.Round(total * s)).ToArray();
        counts[0] += total - counts.Sum();
        return Groups.Select((g, i) => new GroupCount(g, counts[i])).ToArray();
    }

    /// <summary>A small logo (a green disc with three linden leaves), drawn once as a PNG.</summary>
    private static byte[] Logo()
    {
        using var surface = SKSurface.Create(new SKImageInfo(160, 160));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        using var disc = new SKPaint { Color = new SKColor(0x1D, 0x5B, 0x79), IsAntialias = true };
        canvas.DrawCircle(80, 80, 76, disc);
        using var leaf = new SKPaint { Color = new SKColor(0x8F, 0xD1, 0x8A), IsAntialias = true };
        for (var i = 0; i < 3; i++)
        {
            canvas.Save();
            canvas.RotateDegrees(-40 + i * 40, 80, 96);
            canvas.DrawOval(80, 62, 17, 34, leaf);
            canvas.Restore();
        }
        using var trunk = new SKPaint { Color = SKColors.White, IsAntialias = true, StrokeWidth = 6, IsStroke = true, StrokeCap = SKStrokeCap.Round };
        canvas.DrawLine(80, 92, 80, 132, trunk);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
