using Microsoft.AspNetCore.Components;
using Tables.Web.Components.Shared;
using Tables.Web.Features.Forums;
using Tables.Web.Features.Tables;

namespace Tables.Web.Components.Forums;

/// <summary>
/// Base of the live screens of one forum (<c>/forums/{Id}/…</c>): finds the forum and the person's access to its table,
/// and follows the forum's coalesced updates (<see cref="ForumBroadcaster"/>) while the screen is open.
/// </summary>
public abstract class ForumPage : AccessPage, IDisposable
{
    [Parameter]
    public int Id { get; set; }

    [Inject]
    private ForumBroadcaster Broadcaster { get; set; } = default!;

    protected Forum? Forum { get; private set; }

    protected bool Found => Access is not null && Forum is not null;

    protected override void OnInitialized()
    {
        Broadcaster.ForumUpdated += OnForumUpdated;
        Broadcaster.ResultsUpdated += OnResultsUpdated;
        Broadcaster.ParticipantsUpdated += OnParticipantsUpdated;
    }

    protected override async Task LoadAsync()
    {
        Access = await Service<ForumDirectory>().EnterForumAsync(User, Id);
        Forum = Access is null ? null : await Service<ForumConsole>().FindAsync(Access, Id);
        if (Found && await AuthorizeAsync())
        {
            await OnForumLoadedAsync();
        }
    }

    protected virtual Task OnForumLoadedAsync() => Task.CompletedTask;

    /// <summary>The public snapshot of this forum changed (runs on the renderer's context).</summary>
    protected virtual Task OnSnapshotAsync(ForumSnapshot snapshot) => Task.CompletedTask;

    /// <summary>Live figures of one of this forum's ballots (runs on the renderer's context).</summary>
    protected virtual Task OnResultsAsync(BallotResults results) => Task.CompletedTask;

    /// <summary>Someone joined the forum (runs on the renderer's context).</summary>
    protected virtual Task OnParticipantsAsync(int count) => Task.CompletedTask;

    private void OnParticipantsUpdated(int forumId, int count)
    {
        if (forumId == Id && Found && !Denied)
        {
            _ = InvokeAsync(async () =>
            {
                await OnParticipantsAsync(count);
                StateHasChanged();
            });
        }
    }

    private void OnForumUpdated(ForumSnapshot snapshot)
    {
        if (snapshot.ForumId == Id && Found && !Denied)
        {
            _ = InvokeAsync(async () =>
            {
                await OnSnapshotAsync(snapshot);
                StateHasChanged();
            });
        }
    }

    private void OnResultsUpdated(int forumId, BallotResults results)
    {
        if (forumId == Id && Found && !Denied)
        {
            _ = InvokeAsync(async () =>
            {
                await OnResultsAsync(results);
                StateHasChanged();
            });
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Broadcaster.ForumUpdated -= OnForumUpdated;
            Broadcaster.ResultsUpdated -= OnResultsUpdated;
            Broadcaster.ParticipantsUpdated -= OnParticipantsUpdated;
        }
        base.Dispose(disposing);
    }
}
