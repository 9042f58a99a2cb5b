using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Severity = MudBlazor.Severity;
using Tables.Web.Data;
using Tables.Web.Features.Cycles;
using Tables.Web.Features.Portrait;
using Tables.Web.Features.Tables;

namespace Tables.Web.Components.Pages.Portrait;

/// <summary>
/// CSV import of indicators: choose a file, see what it will add and change (or every error, line and column), then
/// apply — all of it, or nothing. The apply carries the preview's basis: if someone changed the portrait since, the
/// preview is made again instead.
/// </summary>
public sealed partial class PortraitImportPage
{
    [Parameter] public int CycleId { get; set; }
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private Cycle? _cycle;
    private byte[]? _file;
    private string? _fileError;
    private ImportPreview? _preview;
    private KnowledgeKind? _knowledge;
    private string _broughtBy = "";
    private bool _busy;
    private bool _interactive;

    protected override string Policy => TablePolicies.Partner;

    private string PortraitPath => $"/t/{Slug}/cycles/{CycleId}/portrait";
    private ImportDefaults Defaults => new(_knowledge, _broughtBy);

    protected override async Task OnTableLoadedAsync(TableAccess access)
    {
        _cycle = await Service<CycleService>().FindAsync(access, CycleId);
        if (_cycle is not null && _broughtBy.Length == 0)
        {
            _broughtBy = (await Service<PortraitService>().ContributorsAsync(access, User, CycleId)).Default;
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private async Task FileChosenAsync(InputFileChangeEventArgs e)
    {
        _preview = null;
        _fileError = null;
        if (e.File.Size > IndicatorCsv.MaxBytes)
        {
            _file = null;
            _fileError = T["Import.TooLarge", IndicatorCsv.MaxBytes / 1024 / 1024];
            return;
        }
        using var buffer = new MemoryStream();
        await using (var stream = e.File.OpenReadStream(IndicatorCsv.MaxBytes))
        {
            await stream.CopyToAsync(buffer);
        }
        _file = buffer.ToArray();
        await PreviewAsync();
    }

    private async Task KnowledgeChangedAsync(KnowledgeKind? value)
    {
        _knowledge = value;
        await PreviewAsync();
    }

    private async Task BroughtByChangedAsync(string value)
    {
        _broughtBy = value ?? "";
        await PreviewAsync();
    }

    private async Task PreviewAsync()
    {
        if (_file is null)
        {
            return;
        }
        _busy = true;
        try
        {
            _preview = await Service<IndicatorImport>().PreviewAsync(Access!, CycleId, _file, Defaults);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ApplyAsync()
    {
        _busy = true;
        try
        {
            var done = await Service<IndicatorImport>().ApplyAsync(Access!, User, CycleId, _file!, Defaults, _preview!.Basis);
            Snackbar.Add(T["Import.Done", done.Added, done.Updated], Severity.Success);
            Navigation.NavigateTo(PortraitPath);
        }
        catch (ConflictException)
        {
            Snackbar.Add(T["Import.ChangedSincePreview"], Severity.Warning);
            _busy = false;
            await PreviewAsync();
        }
        catch (ValidationException)
        {
            // The file is the one previewed: only a change of the table's themes since can make it invalid now.
            _busy = false;
            await PreviewAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
