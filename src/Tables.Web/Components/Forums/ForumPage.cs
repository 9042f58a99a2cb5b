using Microsoft.AspNetCore.Components;
using Tables.Web.Components.Shared;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Live;
using Tables.Web.Features.Tables;

namespace Tables.Web.Components.Forums;

/// <summary>
/// Base of the live screens of one forum (<c>/forums/{Id}/…</c>): enters the forum's table, checks the page's policy and
/// follows the forum's topics (<see cref="ForumTopics"/>) — its state, and the figures of each ballot put to the vote —
/// in the view the page is for: the staff view on facilitation screens, the public one elsewhere.
/// </summary>
public abstract class ForumPage : AccessPage
{
    [Parameter]
    public int Id { get; set; }

    /// <summary>The forum now (its topic's state).</summary>
    protected ForumState? Forum { get; private set; }

    /// <summary>The newest figures of each ballot of the forum, by ballot id.</summary>
    protected Dictionary<int, BallotResults> Results { get; } = [];

    protected bool Found => Access is not null && (Denied || Forum is not null);

    /// <summary>What this screen sees of the forum's topics.</summary>
    protected LiveView View => Policy == TablePolicies.Read ? LiveView.Public : LiveView.Staff;

    protected override async Task LoadAsync()
    {
        Access = await Service<ForumDirectory>().EnterForumAsync(User, Id);
        if (Access is null || !await AuthorizeAsync())
        {
            return;
        }
        await FollowAsync<ForumState>(ForumTopics.Forum(Id), View, OnForumAsync);
        if (Forum is not null)
        {
            await OnForumLoadedAsync();
        }
    }

    /// <summary>The forum's state changed: keep it, and follow the figures of any ballot new to this screen.</summary>
    private async Task OnForumAsync(ForumState state)
    {
        Forum = state;
        foreach (var ballot in state.Ballots.Where(b => b.Status != Features.Ballots.BallotStatus.Draft))
        {
            await FollowAsync<BallotResults>(ForumTopics.Ballot(ballot.Id), View, results => Results[results.BallotId] = results);
        }
    }

    /// <summary>Once the forum is found: follow what else the screen shows (ideas, participants).</summary>
    protected virtual Task OnForumLoadedAsync() => Task.CompletedTask;
}
