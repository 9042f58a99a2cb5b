using System.Globalization;

namespace Tables.Voting.Tests;

/// <summary>Checks of ballots, options and method options, and localized messages.</summary>
public sealed class ValidationTests
{
    [Fact]
    public void Unknown_option_names_the_ballot()
    {
        var e = Fails(() => Tally.Count(VotingMethod.Plurality, Abc, [Ballot.Choice("A"), Ballot.Choice("Z")]));
        Assert.Equal(ErrorCodes.UnknownOptionOnBallot, e.Code);
        Assert.Equal(2, e.Error.BallotNumber);
        Assert.Equal("Z", e.Error.Arguments["option"]);
    }

    [Fact]
    public void Every_bad_ballot_is_reported()
    {
        var e = Fails(() => Tally.Count(VotingMethod.Borda, Abc, [Ballot.Ranked("Z"), Ballot.Ranked("A"), Ballot.Ranked("A", "A")]));
        Assert.Equal([ErrorCodes.UnknownOptionOnBallot, ErrorCodes.DuplicateOptionOnBallot], e.Errors.Select(x => x.Code));
        Assert.Equal([1, 3], e.Errors.Select(x => x.BallotNumber ?? 0));
    }

    [Fact]
    public void Duplicate_option_on_a_ballot_is_rejected()
    {
        Assert.Equal(ErrorCodes.DuplicateOptionOnBallot,
            Fails(() => Tally.Count(VotingMethod.Schulze, Abc, [Ballot.Ranked([["A"], ["B", "A"]])])).Code);
        Assert.Equal(ErrorCodes.DuplicateOptionOnBallot, Fails(() => Ballot.Rated(("A", 1), ("A", 2))).Code);
    }

    [Fact]
    public void Wrong_kind_of_ballot_is_rejected()
    {
        Assert.Equal(ErrorCodes.RankingExpected, Fails(() => Tally.Count(VotingMethod.Borda, Abc, [Ballot.Choice("A")])).Code);
        Assert.Equal(ErrorCodes.ValuesExpected, Fails(() => Tally.Count(VotingMethod.Score, Abc, [Ballot.Ranked("A")])).Code);
    }

    [Fact]
    public void Option_list_is_checked()
    {
        Assert.Equal(ErrorCodes.DuplicateOption, Fails(() => Tally.Count(VotingMethod.Plurality, ["A", "A"], [])).Code);
        Assert.Equal(ErrorCodes.NoOptions, Fails(() => Tally.Count(VotingMethod.Plurality, [], [])).Code);
        Assert.Equal(ErrorCodes.InvalidOptionToken, Fails(() => Tally.Count(VotingMethod.Plurality, [" A"], [])).Code);
    }

    [Fact]
    public void More_than_200_options_are_rejected()
    {
        var options = Enumerable.Range(1, 201).Select(i => "o" + i).ToArray();
        var e = Fails(() => Tally.Count(VotingMethod.Schulze, options, [Ballot.Ranked("o1")]));
        Assert.Equal(ErrorCodes.TooManyOptions, e.Code);
        Assert.Equal(200, e.Error.Arguments["max"]);

        var fine = Tally.Count(VotingMethod.Schulze, options[..200], [Ballot.Ranked("o7")]);
        Assert.Equal(["o7"], fine.Winners);
    }

    [Fact]
    public void Unknown_method_is_a_voting_error()
    {
        Assert.Equal(ErrorCodes.UnknownMethod, Fails(() => VotingMethods.Parse("condorcet")).Code);
        Assert.Equal(VotingMethod.MajorityJudgment, VotingMethods.Parse(" Majority-Judgment "));
    }

    [Fact]
    public void Method_options_parse_from_query_parameters()
    {
        var options = MethodOptions.Parse(new Dictionary<string, string?>
        {
            ["MAXCHOICES"] = "2", ["seed"] = "8120394", ["majority"] = "2/3", ["quorum"] = "10", ["method"] = "irv", ["maxScore"] = "",
        });
        Assert.Equal(new MethodOptions { MaxChoices = 2, Seed = "8120394", Majority = RequiredMajority.TwoThirds, Quorum = 10 }, options);

        var e = Fails(() => MethodOptions.Parse(new Dictionary<string, string?> { ["maxPoints"] = "dix", ["majority"] = "2/1" }));
        Assert.Equal([ErrorCodes.ParameterNotInteger, ErrorCodes.InvalidMajority], e.Errors.Select(x => x.Code));
    }


    [Fact]
    public void Messages_are_in_french_for_fr_ca()
    {
        var e = Fails(() => Abif.Read("=A:\n=B:\n5:A/4>B/x\n", VotingMethod.Score));
        var french = e.Error.Format(new CultureInfo("fr-CA"));
        var english = e.Error.Format(new CultureInfo("en-CA"));

        Assert.StartsWith("ligne 3, colonne 9\u00A0: ", french); // French typography: no-break space before the colon
        Assert.Contains("nombre entier", french);
        Assert.StartsWith("line 3, column 9: ", english);
        Assert.Equal(english, e.Error.DefaultMessage);
    }

    [Fact]
    public void Every_code_has_an_english_and_a_french_message()
    {
        var codes = typeof(ErrorCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToArray();
        Assert.NotEmpty(codes);
        foreach (var code in codes)
        {
            var error = new VotingError(code);
            var english = error.Format(CultureInfo.InvariantCulture);
            var french = error.Format(new CultureInfo("fr-FR"));
            Assert.NotEqual(code, english);
            Assert.NotEqual(code, french);
            Assert.NotEqual(english, french);
        }
    }

    [Fact]
    public void Ballot_errors_are_localized_with_their_ballot_number()
    {
        var e = Fails(() => Tally.Count(VotingMethod.Approval, Abcd, [Ballot.Approve("A", "B", "C")], new MethodOptions { MaxChoices = 2 }));
        var french = e.Error.Format(new CultureInfo("fr-CA"));
        Assert.Contains("2", french);
        Assert.Contains("C", french);
        Assert.NotEqual(e.Error.DefaultMessage, french);
    }
}
