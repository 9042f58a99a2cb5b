using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Tables.Web.Tests.Components;

/// <summary>What the forum components need to render as on a French screen: resources, MudBlazor, fr-CA.</summary>
public abstract class ForumComponentContext : BunitContext
{
    protected ForumComponentContext()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("fr-CA");
    }
}
