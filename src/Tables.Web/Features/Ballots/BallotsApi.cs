using Microsoft.AspNetCore.Http.HttpResults;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;

namespace Tables.Web.Features.Ballots;

/// <summary>A ballot as the API answers it.</summary>
public sealed record BallotItem(int Id, int ForumId, string Question, Voting.VotingMethod Method, BallotSettings Settings, IReadOnlyList<OptionView> Options,
    bool Secret, ResultVisibility Visibility, BallotStatus Status, long? Seed)
{
    public static BallotItem From(Ballot b) => new(b.Id, b.ForumId, b.Question, b.Method, b.Settings,
        b.Options.Select(o => new OptionView(o.Token, o.Label)).ToList(), b.Secret, b.Visibility, b.Status, b.Seed);
}

public static class BallotsFeature
{
    public static void AddBallots(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<BallotService>();
        builder.Services.AddSingleton<IBallotCounter, VotingBallotCounter>();
        // A singleton: FluentValidation builds its rules once (docs/ARCHITECTURE-NOTES.md).
        builder.Services.AddSingleton<FluentValidation.IValidator<BallotSetup>, BallotSetupValidator>();
    }

    public static void MapBallots(this WebApplication app)
    {
        app.MapGroup("/api/tables/{slug}/forums").WithTags("Forums").MapPost("/{id:int}/ballots",
            async Task<Created<BallotItem>> (string slug, int id, BallotSetup setup, int? activityId, HttpContext http, BallotService ballots) =>
            {
                var access = await http.AuthorizeTableAsync(slug, TablePolicies.Facilitate);
                var ballot = await ballots.CreateAsync(access, http.User, id, setup, activityId, http.RequestAborted);
                return TypedResults.Created($"/api/tables/{slug}/ballots/{ballot.Id}", BallotItem.From(ballot));
            }).WithSummary("Creates a draft ballot in the forum (options get tokens A, B, C…).");
        app.MapBallotExports();
    }
}
