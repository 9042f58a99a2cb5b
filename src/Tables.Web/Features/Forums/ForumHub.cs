using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Tables.Web.Data;
using Tables.Web.Features.Ballots;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Forums;

/// <summary>
/// The public real-time API of a live forum, at <c>/hubs/forum</c>. Participants join by code (or resume with their
/// token) and then propose ideas and vote; facilitators of the forum's table drive it. Every refusal is a
/// <see cref="HubException"/> whose message the client can show as it is (see <see cref="ForumHubErrors"/>).
/// </summary>
public sealed class ForumHub(LiveForum live, ForumConsole console, IdeaModeration ideas, Portrait.ForumTestimonies testimonies, ForumDirectory directory, TableScope scope, IAuthorizationService authorization,
    IStringLocalizer<UiText> text) : Hub<IForumClient>
{
    private const string ParticipantKey = "participant";
    private const string ForumKey = "forum";

    /// <summary>The SignalR group of a forum's phones (and staff clients that watch it): its <c>forum:{id}</c> and <c>ballot:{id}</c> topics, public view.</summary>
    public static string Group(int forumId) => $"forum:{forumId}";

    /// <summary>The table a connection joined or watches: every later call runs in its scope (<see cref="ForumHubScope"/>).</summary>
    internal const string TableKey = "table";

    /// <summary>Joins with the code, or resumes the participant of <see cref="JoinRequest.Token"/>; returns their snapshot.</summary>
    public async Task<JoinResult> Join(JoinRequest request)
    {
        var result = await live.JoinAsync(request, Context.ConnectionAborted);
        Context.Items[TableKey] = scope.TableId;
        Context.Items[ParticipantKey] = result.ParticipantId;
        Context.Items[ForumKey] = result.Snapshot.ForumId;
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(result.Snapshot.ForumId), Context.ConnectionAborted);
        return result;
    }

    /// <summary>A staff screen outside Blazor (or a load test) follows a forum of a table it may read.</summary>
    public async Task<ForumSnapshot> Watch(int forumId)
    {
        await AccessForForumAsync(forumId, TablePolicies.Read);
        Context.Items[TableKey] = scope.TableId;
        Context.Items[ForumKey] = forumId;
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(forumId), Context.ConnectionAborted);
        return await live.SnapshotAsync(forumId, null, Context.ConnectionAborted);
    }

    /// <summary>The current state: the participant's own (with their ballots) or the public one for watchers.</summary>
    public Task<ForumSnapshot> GetSnapshot() =>
        Context.Items.TryGetValue(ForumKey, out var forumId) && forumId is int id
            ? live.SnapshotAsync(id, Context.Items.TryGetValue(ParticipantKey, out var p) ? p as int? : null, Context.ConnectionAborted)
            : throw new ForumException(text["Forum.JoinFirst"]);

    public Task<IdeaView> SubmitIdea(IdeaRequest request) => live.SubmitIdeaAsync(ParticipantId(), request, Context.ConnectionAborted);

    /// <summary>During the agenda's portrait step: a testimony on a theme, kept for moderation (the portrait slice).</summary>
    public Task<Portrait.TestimonyAck> SubmitTestimony(Portrait.TestimonyRequest request) => testimonies.SubmitAsync(ParticipantId(), request, Context.ConnectionAborted);

    /// <summary>Casts or changes the participant's ballot; answers once it is durably stored.</summary>
    public Task<CastAck> Cast(CastRequest request) => live.CastAsync(ParticipantId(), request, Context.ConnectionAborted);

    // Facilitator methods: the caller must be coordinator or facilitator of the forum's table.

    public async Task SetActivity(int forumId, int activityId) =>
        await console.SetActivityAsync(await AccessForForumAsync(forumId, TablePolicies.Facilitate), Context.User!, forumId, activityId, Context.ConnectionAborted);

    /// <summary>Puts a ballot on the wall (null: the wall follows the current activity again).</summary>
    public async Task ShowOnWall(int forumId, int? ballotId) =>
        await console.ShowOnWallAsync(await AccessForForumAsync(forumId, TablePolicies.Facilitate), Context.User!, forumId, ballotId, Context.ConnectionAborted);

    public async Task OpenBallot(int ballotId) =>
        await console.OpenBallotAsync(await AccessForBallotAsync(ballotId), Context.User!, ballotId, Context.ConnectionAborted);

    public async Task<BallotResult> CloseBallot(int ballotId) =>
        await console.CloseBallotAsync(await AccessForBallotAsync(ballotId), Context.User!, ballotId, Context.ConnectionAborted);

    public async Task RevealBallot(int ballotId) =>
        await console.RevealBallotAsync(await AccessForBallotAsync(ballotId), Context.User!, ballotId, Context.ConnectionAborted);

    public async Task<VoteOutcome> EnterPaperBallot(int ballotId, VoteContent content, string? group, string clientMessageId) =>
        await console.EnterPaperBallotAsync(await AccessForBallotAsync(ballotId), Context.User!, ballotId, content, group, clientMessageId, Context.ConnectionAborted);

    public async Task HideIdea(int ideaId, bool hidden) =>
        await ideas.HideIdeaAsync(await AccessForIdeaAsync(ideaId), ideaId, hidden, Context.ConnectionAborted);

    public async Task EditIdea(int ideaId, IdeaEdit edit) =>
        await ideas.EditIdeaAsync(await AccessForIdeaAsync(ideaId), ideaId, edit, Context.ConnectionAborted);

    public async Task MergeIdeas(int duplicateId, int intoId) =>
        await ideas.MergeIdeasAsync(await AccessForIdeaAsync(duplicateId), duplicateId, intoId, Context.ConnectionAborted);

    private int ParticipantId() =>
        Context.Items.TryGetValue(ParticipantKey, out var id) && id is int participant ? participant : throw new ForumException(text["Forum.JoinFirst"]);

    private Task<TableAccess> AccessForForumAsync(int forumId, string policy) =>
        AuthorizeAsync(directory.EnterForumAsync(Context.User!, forumId, Context.ConnectionAborted), policy);

    private Task<TableAccess> AccessForBallotAsync(int ballotId) =>
        AuthorizeAsync(directory.EnterBallotAsync(Context.User!, ballotId, Context.ConnectionAborted), TablePolicies.Facilitate);

    private Task<TableAccess> AccessForIdeaAsync(int ideaId) =>
        AuthorizeAsync(directory.EnterIdeaAsync(Context.User!, ideaId, Context.ConnectionAborted), TablePolicies.Facilitate);

    /// <summary>The same named policies as the API and the screens decide (<see cref="TablePolicies"/>).</summary>
    private async Task<TableAccess> AuthorizeAsync(Task<TableAccess?> entering, string policy)
    {
        var access = await entering;
        return access is not null && (await authorization.AuthorizeAsync(Context.User!, access, policy)).Succeeded
            ? access
            : throw new ForumException(text["Forum.FacilitatorOnly"]);
    }
}

/// <summary>
/// Puts every hub call of a connection in the scope of the table the connection joined or watches (hub calls each get
/// their own service scope). Join and Watch choose the table themselves.
/// </summary>
public sealed class ForumHubScope : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (context.HubMethodName is not (nameof(ForumHub.Join) or nameof(ForumHub.Watch))
            && context.Context.Items.TryGetValue(ForumHub.TableKey, out var table) && table is int tableId)
        {
            context.ServiceProvider.GetRequiredService<TableScope>().Enter(tableId);
        }
        return next(context);
    }
}

/// <summary>
/// Turns the refusals of forum services into <see cref="HubException"/>s with their localized message, and limits how
/// often one connection may join, vote or propose (a runaway phone cannot flood the room).
/// </summary>
public sealed partial class ForumHubErrors(IStringLocalizer<UiText> text, ILogger<ForumHubErrors> logger, Microsoft.Extensions.Options.IOptions<ForumsOptions> options,
    HubRefusals refusals) : IHubFilter
{
    // GetSnapshot too: it reads the whole forum (3,000 calls in 10 s took most of the CPU).
    private static readonly HashSet<string> Limited = [nameof(ForumHub.Join), nameof(ForumHub.Cast), nameof(ForumHub.SubmitIdea), nameof(ForumHub.GetSnapshot), nameof(ForumHub.SubmitTestimony)];
    private int CallsPerWindow => options.Value.CallsPerWindow;
    private TimeSpan Window => TimeSpan.FromSeconds(options.Value.WindowSeconds);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (Limited.Contains(context.HubMethodName) && !Allow(context.Context))
        {
            throw Refuse(context, text["Forum.TooFast"]);
        }
        try
        {
            return await next(context);
        }
        catch (ForumException e)
        {
            throw Refuse(context, e.Message);
        }
        catch (FluentValidation.ValidationException e)
        {
            throw Refuse(context, string.Join(" ", e.Errors.Select(f => f.ErrorMessage)));
        }
        catch (NotFoundException)
        {
            throw Refuse(context, text["Error.NotFound"]);
        }
        catch (ForbiddenException)
        {
            throw Refuse(context, text["Forum.FacilitatorOnly"]);
        }
        catch (HubException e)
        {
            // A hub's own refusal (the live hub's).
            refusals.Refused(context.HubMethodName, e.Message);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHubFailure(logger, e, context.HubMethodName);
            throw new HubException(text["Error.Text"]);
        }
    }

    /// <summary>A refusal: logged once, short (<see cref="HubRefusals"/>), and sent to the caller as a HubException.</summary>
    private HubException Refuse(HubInvocationContext context, string message)
    {
        refusals.Refused(context.HubMethodName, message);
        return new HubException(message);
    }

    private bool Allow(HubCallerContext connection)
    {
        var now = Environment.TickCount64;
        var window = connection.Items.TryGetValue("rate", out var w) && w is RateWindow existing ? existing : new RateWindow(now);
        connection.Items["rate"] = window;
        lock (window)
        {
            if (now - window.Start > Window.TotalMilliseconds)
            {
                window.Start = now;
                window.Count = 0;
            }
            return ++window.Count <= CallsPerWindow;
        }
    }

    private sealed class RateWindow(long start)
    {
        public long Start { get; set; } = start;
        public int Count { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Forum hub method {Method} failed.")]
    private static partial void LogHubFailure(ILogger logger, Exception exception, string method);
}

/// <summary>Live forums (section <c>Forums</c>), checked at start.</summary>
public sealed class ForumsOptions
{
    /// <summary>Joins, votes and ideas one connection may send per window: a runaway phone cannot flood the room.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10_000)]
    public int CallsPerWindow { get; set; } = 30;

    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int WindowSeconds { get; set; } = 10;
}
