using System.Text;
using CsCheck;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Tables.Voting;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Forums;
using Ballot = Tables.Web.Features.Ballots.Ballot;

namespace Tables.Web.Tests.Features;

/// <summary>
/// One rule for a required majority: what the ballot form accepts, the count (live and at close) accepts, and so does
/// POST /api/tally. Before, the form accepted "1e-1", which then made every vote and the close fail, and refused
/// "&gt;1/2", which the count reads as "more than half".
/// </summary>
public sealed class MajorityRuleTests(TablesAppFactory app) : IClassFixture<TablesAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BallotSettings Settings(string? majority) => new() { MaxChoices = 1, Majority = majority };

    private bool FormAccepts(string? majority)
    {
        var validator = app.Services.GetRequiredService<IValidator<BallotSetup>>();
        var setup = new BallotSetup { Question = "Q", Method = VotingMethod.Approval, Options = ["Un", "Deux"], Settings = Settings(majority) };
        return validator.Validate(setup).Errors.All(e => e.PropertyName != "Settings.Majority");
    }

    private static bool CountAccepts(string? majority)
    {
        var ballot = new Ballot { Method = VotingMethod.Approval, Settings = Settings(majority), Options = [new() { Token = "A" }, new() { Token = "B" }] };
        var vote = new Vote { Content = new VoteContent { Values = new() { ["A"] = 1 } } };
        try
        {
            VotingBallotCounter.Tally(ballot, [vote], seed: 1);
            return true;
        }
        catch (VotingException)
        {
            return false;
        }
    }

    private async Task<bool> ApiAcceptsAsync(string majority)
    {
        using var client = app.Client();
        var response = await client.PostAsync("/api/tally?method=approval&majority=" + Uri.EscapeDataString(majority),
            new StringContent("=A:\n=B:\n1:A\n", Encoding.UTF8, "text/plain"), Ct);
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Theory]
    [InlineData("1e-1", false)]
    [InlineData("6.7E-1", false)]
    [InlineData("NaN", false)]
    [InlineData("Infinity", false)]
    [InlineData("1/0", false)]
    [InlineData("3/2", false)]
    [InlineData("-1/2", false)]
    [InlineData("deux tiers", false)]
    [InlineData(">1/2", true)]
    [InlineData("> 50 %", true)]
    [InlineData("2/3", true)]
    [InlineData("0,6", true)]
    [InlineData("66,67 %", true)]
    [InlineData("1", true)]
    [InlineData("", true)]
    [InlineData("  ", true)]
    public async Task The_form_the_count_and_the_tally_api_give_the_same_answer(string majority, bool accepted)
    {
        Assert.Equal(accepted, FormAccepts(majority));
        Assert.Equal(accepted, CountAccepts(majority));
        Assert.Equal(accepted, await ApiAcceptsAsync(majority));
    }

    [Fact]
    public void The_form_accepts_exactly_what_the_count_accepts()
    {
        var fragment = Gen.OneOfConst(">", "<", "=", "1", "2", "3", "0", "9", "/", ".", ",", "%", " ", "\u00A0", "\u202F", "e", "E", "-", "+", "x", "NaN", "∞", "½");
        Gen.OneOf(Gen.String, fragment.Array[0, 8].Select(string.Concat)).Sample(majority =>
        {
            Assert.True(FormAccepts(majority) == CountAccepts(majority), $"'{majority}': form {FormAccepts(majority)}, count {CountAccepts(majority)}");
        }, iter: 1000);
    }
}
