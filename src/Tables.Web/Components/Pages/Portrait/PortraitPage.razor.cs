using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Severity = MudBlazor.Severity;
using Tables.Web.Components.Portrait;
using Tables.Web.Data;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Live;
using Tables.Web.Features.Portrait;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Components.Pages.Portrait;

/// <summary>
/// The portrait of a cycle: everyone who may read it reads it here (the public too, once published on a public
/// table); partners and staff add, edit and delete items in place; facilitators type and moderate testimonies;
/// coordination publishes. A save over someone else's newer change opens both versions and a merge.
/// </summary>
public sealed partial class PortraitPage
{
    [Parameter] public int CycleId { get; set; }
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IStringLocalizer<UiText> Text { get; set; } = default!;
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;

    private Cycle? _cycle;
    private PortraitView? _view;
    private Contributors _contributors = new("", []);
    private EditSession? _editing;
    private bool _busy;
    private bool _interactive;
    /// <summary>The portrait's live version last applied (shown to browser tests as <c>data-live-version</c>).</summary>
    private long _liveVersion;

    private string PagePath => $"/t/{Slug}/cycles/{CycleId}/portrait";
    private PortraitService Portraits => Service<PortraitService>();

    private RenderFragment Editor => builder =>
    {
        builder.OpenComponent<PortraitEditor>(0);
        builder.AddComponentParameter(1, nameof(PortraitEditor.Session), _editing);
        builder.AddComponentParameter(2, nameof(PortraitEditor.Actions), new EditorActions(SaveAsync, CancelAsync, SaveMergedAsync, RecreateAsync, _busy));
        builder.AddComponentParameter(3, nameof(PortraitEditor.Themes), ThemesFor(_editing!.Theme));
        builder.AddComponentParameter(4, nameof(PortraitEditor.Suggestions), _contributors.Suggestions);
        builder.CloseComponent();
    };

    protected override async Task OnTableLoadedAsync(TableAccess access)
    {
        _cycle = await Service<CycleService>().FindAsync(access, CycleId);
        if (_cycle is null)
        {
            return;
        }
        // Followed before the first read: a change saved in between is in the read or arrives after it.
        await FollowAsync<PortraitChange>(PortraitTopics.Of(CycleId), LiveView.Public, OnPortraitChangedAsync);
        await ReadAsync(access);
        if (_view is not null && access.CanPartner)
        {
            _contributors = await Portraits.ContributorsAsync(access, User, CycleId);
        }
    }

    private async Task ReadAsync(TableAccess access)
    {
        try
        {
            _view = await Portraits.ReadAsync(access, CycleId, forModeration: access.CanFacilitate);
        }
        catch (ForbiddenException)
        {
            _view = null;
            // A draft is refused like any page the person may not see (403), with words about why and a sign-in link.
            if (HttpContext is { Response.HasStarted: false } http)
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
            }
        }
    }

    /// <summary>
    /// Someone saved a change to this portrait (live co-editing): read it again, with this person's rights, in a scope of
    /// its own — the page's context may be in the middle of this person's own save. An open editor stays open: saving
    /// over the newer change is refused and merged.
    /// </summary>
    private async Task OnPortraitChangedAsync(PortraitChange change)
    {
        if (_view is null || Access is null)
        {
            return; // the first read comes right after following
        }
        await using var scope = Scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<TableService>().EnterAsync(User, Slug) is not { } access)
        {
            return;
        }
        try
        {
            _view = await scope.ServiceProvider.GetRequiredService<PortraitService>().ReadAsync(access, CycleId, forModeration: access.CanFacilitate);
            _liveVersion = change.Version;
        }
        catch (Exception e) when (e is ForbiddenException or NotFoundException)
        {
            // Withdrawn from the public, or the cycle deleted: the next load says so.
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            // Marks the page as live: browser tests wait for it before clicking.
            _interactive = true;
            StateHasChanged();
        }
    }

    /// <summary>The table's themes, plus the item's own when the table has removed it from its list.</summary>
    private IReadOnlyList<string> ThemesFor(string theme) =>
        Access!.Table.Themes.Contains(theme) ? Access.Table.Themes : [.. Access.Table.Themes, theme];

    private async Task OnRequestAsync(ItemRequest request)
    {
        if (request.Moderation is { } status && request.Item is Testimony testimony)
        {
            await RunAsync(() => Portraits.ModerateTestimonyAsync(Access!, User, CycleId, testimony.Id, new TestimonyModeration { Status = status }),
                T[status == TestimonyStatus.Accepted ? "Testimony.Accepted" : "Testimony.Rejected"]);
            return;
        }
        if (request.Delete && request.Item is { } item)
        {
            await DeleteAsync(request.Block, item);
            return;
        }
        var model = request.Item switch
        {
            PortraitIndicator i => (object)IndicatorEdit.From(i),
            PortraitNarrative n => NarrativeEdit.From(n),
            PortraitResource r => ResourceEdit.From(r),
            _ => NewModel(request.Block, request.Theme),
        };
        _editing = new EditSession { Block = request.Block, Theme = request.Theme, Id = request.Item?.Id, Model = model, Base = Copy(model) };
    }

    private object NewModel(PortraitBlock block, string theme) => block switch
    {
        PortraitBlock.Indicators => new IndicatorEdit { Theme = theme, BroughtBy = _contributors.Default },
        PortraitBlock.Narratives => new NarrativeEdit { Theme = theme, BroughtBy = _contributors.Default },
        PortraitBlock.Resources => new ResourceEdit { Theme = theme, BroughtBy = _contributors.Default, Knowledge = KnowledgeKind.Field },
        _ => new TestimonyEdit { Theme = theme },
    };

    private static object Copy(object model) => model switch
    {
        IndicatorEdit i => i with { },
        NarrativeEdit n => n with { },
        ResourceEdit r => r with { },
        _ => model,
    };

    private async Task SaveAsync()
    {
        var session = _editing!;
        _busy = true;
        try
        {
            await SaveModelAsync(session.Block, session.Id, session.Model);
            Snackbar.Add(T["Common.Saved"], Severity.Success);
            _editing = null;
            await ReloadAsync();
        }
        catch (ConflictException e)
        {
            session.InConflict = true;
            session.Theirs = e.Current;
        }
        catch (NotFoundException) when (session.Id is not null)
        {
            // Deleted meanwhile: offer to create it again from the person's version.
            session.InConflict = true;
            session.Theirs = null;
        }
        finally
        {
            _busy = false;
            // Called by the editor (a child): the page itself must draw again.
            StateHasChanged();
        }
    }

    private Task SaveModelAsync(PortraitBlock block, int? id, object model) => model switch
    {
        IndicatorEdit m => Portraits.SaveIndicatorAsync(Access!, User, CycleId, id, m),
        NarrativeEdit m => Portraits.SaveNarrativeAsync(Access!, User, CycleId, id, m),
        ResourceEdit m => Portraits.SaveResourceAsync(Access!, User, CycleId, id, m),
        TestimonyEdit m => Portraits.AddPaperTestimonyAsync(Access!, User, CycleId, m),
        _ => throw new ArgumentException(block.ToString()),
    };

    /// <summary>The merge carries the version saved meanwhile: saving it is an ordinary update.</summary>
    private async Task SaveMergedAsync(object merged)
    {
        _editing!.Model = merged;
        _editing.InConflict = false;
        try
        {
            await SaveAsync();
        }
        catch (ValidationException e)
        {
            // Back to the form with the merged values, the reason said.
            Snackbar.Add(string.Join(" ", e.Errors.Select(f => f.ErrorMessage)), Severity.Warning);
            StateHasChanged();
        }
    }

    private async Task RecreateAsync(object mine)
    {
        _editing!.Id = null;
        await SaveMergedAsync(mine);
    }

    private async Task CancelAsync()
    {
        _editing = null;
        await ReloadAsync();
        StateHasChanged();
    }

    private async Task DeleteAsync(PortraitBlock block, IPortraitItem item)
    {
        var name = item switch
        {
            PortraitIndicator i => $"{i.Label} ({i.Year})",
            PortraitNarrative n => n.Title.Length > 0 ? n.Title : T[$"Section.{n.Section}"].Value,
            PortraitResource r => r.Name,
            _ => "",
        };
        if (await Dialogs.ShowMessageBoxAsync(T["Common.Confirm"], T["Portrait.ConfirmDelete", name], T["Common.Delete"], cancelText: T["Common.Cancel"]) != true)
        {
            return;
        }
        await RunAsync(() => item switch
        {
            PortraitIndicator i => Portraits.DeleteIndicatorAsync(Access!, User, CycleId, i.Id, i.Version),
            PortraitNarrative n => Portraits.DeleteNarrativeAsync(Access!, User, CycleId, n.Id, n.Version),
            PortraitResource r => Portraits.DeleteResourceAsync(Access!, User, CycleId, r.Id, r.Version),
            _ => throw new ArgumentException(block.ToString()),
        }, T["Common.Deleted"]);
    }

    private async Task TogglePublicAsync()
    {
        var publish = !_view!.IsPublic;
        await RunAsync(() => Portraits.SetPublicAsync(Access!, User, CycleId, new PortraitSettings { IsPublic = publish, Version = _view.Version }),
            T[publish ? "Portrait.PublishedNow" : "Portrait.UnpublishedNow"]);
    }

    private async Task CopyAsync()
    {
        var previous = _view!.Previous!;
        if (await Dialogs.ShowMessageBoxAsync(T["Common.Confirm"], T["Portrait.ConfirmCopy", previous.Title], T["Portrait.Copy"], cancelText: T["Common.Cancel"]) != true)
        {
            return;
        }
        await RunAsync(() => Portraits.CopyAsync(Access!, User, CycleId, new PortraitCopy { FromCycleId = previous.CycleId }), T["Portrait.Copied"]);
    }

    /// <summary>Does a one-click change, says how it went, and reads the portrait again (someone may have changed it meanwhile).</summary>
    private async Task RunAsync(Func<Task> change, string done)
    {
        _busy = true;
        try
        {
            await change();
            Snackbar.Add(done, Severity.Success);
        }
        catch (ValidationException e)
        {
            Snackbar.Add(string.Join(" ", e.Errors.Select(f => f.ErrorMessage)), Severity.Error);
        }
        catch (Exception e) when (e is ConflictException or NotFoundException)
        {
            Snackbar.Add(T["Portrait.ChangedMeanwhile"], Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
        await ReloadAsync();
    }
}
