using FluentValidation;
using Microsoft.Extensions.Localization;
using Tables.Web.Resources;

namespace Tables.Web.Features.Portrait;

/// <summary>Field limits shared by validators, the CSV importer and the database mapping.</summary>
public static class PortraitRules
{
    public const int ThemeMax = Tables.TableRules.ThemeMax;
    public const int LabelMax = 200;
    public const int UnitMax = 40;
    public const int SourceMax = 300;
    public const int TerritoryMax = 120;
    public const int NoteMax = 1000;
    public const int BroughtByMax = 200;
    public const int TitleMax = 200;
    public const int BodyMax = 20_000;
    public const int NameMax = 200;
    public const int DescriptionMax = 1000;
    public const int AddressMax = 300;
    public const int ContactMax = 300;
    public const int WebsiteMax = 300;
    public const int TestimonyMax = 1000;
    public const int SignedNameMax = 80;
    public const int YearMin = 1900;
    public const int YearMax = 2100;
    /// <summary>Figures stay far below 2^53 (they reach JavaScript) and keep at most 6 decimals.</summary>
    public const decimal ValueMax = 1_000_000_000_000m;
    public const int DecimalsMax = 6;

    public static bool IsFigure(decimal value) => Math.Abs(value) <= ValueMax && Math.Round(value, DecimalsMax) == value;

    public static bool IsWebsite(string? url) =>
        string.IsNullOrWhiteSpace(url) || Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>An indicator as edited; <see cref="Version"/> is the version the editor started from (required to update).</summary>
public sealed record IndicatorEdit
{
    public string Theme { get; set; } = "";
    public string Label { get; set; } = "";
    public decimal? Value { get; set; }
    public string Unit { get; set; } = "";
    public int? Year { get; set; }
    public string Source { get; set; } = "";
    public string? ComparisonTerritory { get; set; }
    public decimal? ComparisonValue { get; set; }
    public string? Note { get; set; }
    public KnowledgeKind? Knowledge { get; set; }
    public string BroughtBy { get; set; } = "";
    public Guid? Version { get; set; }

    public static IndicatorEdit From(PortraitIndicator i) => new()
    {
        Theme = i.Theme, Label = i.Label, Value = i.Value, Unit = i.Unit, Year = i.Year, Source = i.Source,
        ComparisonTerritory = i.ComparisonTerritory, ComparisonValue = i.ComparisonValue, Note = i.Note,
        Knowledge = i.Knowledge, BroughtBy = i.BroughtBy, Version = i.Version,
    };
}

public sealed record NarrativeEdit
{
    public string Theme { get; set; } = "";
    public NarrativeSection? Section { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public KnowledgeKind? Knowledge { get; set; }
    public string BroughtBy { get; set; } = "";
    public Guid? Version { get; set; }

    public static NarrativeEdit From(PortraitNarrative n) => new()
    {
        Theme = n.Theme, Section = n.Section, Title = n.Title, Body = n.Body, Knowledge = n.Knowledge, BroughtBy = n.BroughtBy, Version = n.Version,
    };
}

public sealed record ResourceEdit
{
    public string Theme { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Address { get; set; } = "";
    public string? Contact { get; set; }
    public string? Website { get; set; }
    public KnowledgeKind? Knowledge { get; set; }
    public string BroughtBy { get; set; } = "";
    public Guid? Version { get; set; }

    public static ResourceEdit From(PortraitResource r) => new()
    {
        Theme = r.Theme, Name = r.Name, Description = r.Description, Address = r.Address, Contact = r.Contact, Website = r.Website,
        Knowledge = r.Knowledge, BroughtBy = r.BroughtBy, Version = r.Version,
    };
}

/// <summary>A testimony typed by a facilitator (from a paper card or a kiosk); anonymous unless signed.</summary>
public sealed class TestimonyEdit
{
    public string Theme { get; set; } = "";
    public string Text { get; set; } = "";
    public string? SignedName { get; set; }
}

/// <summary>Accept a testimony into the portrait, or set it aside.</summary>
public sealed class TestimonyModeration
{
    public TestimonyStatus? Status { get; set; }
}

/// <summary>Publish or withdraw the portrait; <see cref="Version"/> guards against two coordinators at once.</summary>
public sealed class PortraitSettings
{
    public bool? IsPublic { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>Copy another cycle's portrait (by default the previous cycle's) into an empty one.</summary>
public sealed class PortraitCopy
{
    public int? FromCycleId { get; set; }
}

/// <summary>Theme, knowledge kind and who brought it: asked of every portrait item.</summary>
internal static class PortraitItemRules
{
    public static void Theme<T>(this AbstractValidator<T> v, Func<T, string> theme, IStringLocalizer<UiText> text) =>
        v.RuleFor(x => theme(x)).NotEmpty().MaximumLength(PortraitRules.ThemeMax).OverridePropertyName("Theme").WithName(_ => text["Field.Theme"]);

    public static void Origin<T>(this AbstractValidator<T> v, Func<T, KnowledgeKind?> knowledge, Func<T, string> broughtBy, IStringLocalizer<UiText> text)
    {
        v.RuleFor(x => knowledge(x)).NotNull().IsInEnum().OverridePropertyName("Knowledge").WithName(_ => text["Field.Knowledge"]);
        v.RuleFor(x => broughtBy(x)).NotEmpty().MaximumLength(PortraitRules.BroughtByMax).OverridePropertyName("BroughtBy").WithName(_ => text["Field.BroughtBy"]);
    }
}

public sealed class IndicatorEditValidator : AbstractValidator<IndicatorEdit>
{
    public IndicatorEditValidator(IStringLocalizer<UiText> text)
    {
        this.Theme(i => i.Theme, text);
        RuleFor(i => i.Label).NotEmpty().MaximumLength(PortraitRules.LabelMax).WithName(_ => text["Field.Indicator"]);
        RuleFor(i => i.Value).NotNull().Must(v => v is null || PortraitRules.IsFigure(v.Value))
            .WithMessage(_ => text["Validation.Figure", PortraitRules.ValueMax.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]).WithName(_ => text["Field.Value"]);
        RuleFor(i => i.Unit).MaximumLength(PortraitRules.UnitMax).WithName(_ => text["Field.Unit"]);
        RuleFor(i => i.Year).NotNull().InclusiveBetween(PortraitRules.YearMin, PortraitRules.YearMax).WithName(_ => text["Field.Year"]);
        RuleFor(i => i.Source).NotEmpty().MaximumLength(PortraitRules.SourceMax).WithName(_ => text["Field.Source"]);
        RuleFor(i => i.ComparisonTerritory).MaximumLength(PortraitRules.TerritoryMax).WithName(_ => text["Field.ComparisonTerritory"]);
        RuleFor(i => i.ComparisonTerritory).NotEmpty().When(i => i.ComparisonValue is not null)
            .WithMessage(_ => text["Validation.ComparisonTerritory"]).WithName(_ => text["Field.ComparisonTerritory"]);
        RuleFor(i => i.ComparisonValue).NotNull().When(i => !string.IsNullOrWhiteSpace(i.ComparisonTerritory))
            .WithMessage(_ => text["Validation.ComparisonValue"]).WithName(_ => text["Field.ComparisonValue"]);
        RuleFor(i => i.ComparisonValue).Must(v => v is null || PortraitRules.IsFigure(v.Value))
            .WithMessage(_ => text["Validation.Figure", PortraitRules.ValueMax.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]).WithName(_ => text["Field.ComparisonValue"]);
        RuleFor(i => i.Note).MaximumLength(PortraitRules.NoteMax).WithName(_ => text["Field.Note"]);
        this.Origin(i => i.Knowledge, i => i.BroughtBy, text);
    }
}

public sealed class NarrativeEditValidator : AbstractValidator<NarrativeEdit>
{
    public NarrativeEditValidator(IStringLocalizer<UiText> text)
    {
        this.Theme(n => n.Theme, text);
        RuleFor(n => n.Section).NotNull().IsInEnum().WithName(_ => text["Field.Section"]);
        RuleFor(n => n.Title).MaximumLength(PortraitRules.TitleMax).WithName(_ => text["Field.Title"]);
        RuleFor(n => n.Body).NotEmpty().MaximumLength(PortraitRules.BodyMax).WithName(_ => text["Field.Body"]);
        this.Origin(n => n.Knowledge, n => n.BroughtBy, text);
    }
}

public sealed class ResourceEditValidator : AbstractValidator<ResourceEdit>
{
    public ResourceEditValidator(IStringLocalizer<UiText> text)
    {
        this.Theme(r => r.Theme, text);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(PortraitRules.NameMax).WithName(_ => text["Field.Name"]);
        RuleFor(r => r.Description).MaximumLength(PortraitRules.DescriptionMax).WithName(_ => text["Field.Description"]);
        RuleFor(r => r.Address).NotEmpty().MaximumLength(PortraitRules.AddressMax).WithName(_ => text["Field.Address"]);
        RuleFor(r => r.Contact).MaximumLength(PortraitRules.ContactMax).WithName(_ => text["Field.Contact"]);
        RuleFor(r => r.Website).MaximumLength(PortraitRules.WebsiteMax).Must(PortraitRules.IsWebsite)
            .WithMessage(_ => text["Validation.Website"]).WithName(_ => text["Field.Website"]);
        this.Origin(r => r.Knowledge, r => r.BroughtBy, text);
    }
}

public sealed class TestimonyEditValidator : AbstractValidator<TestimonyEdit>
{
    public TestimonyEditValidator(IStringLocalizer<UiText> text)
    {
        this.Theme(t => t.Theme, text);
        RuleFor(t => t.Text).NotEmpty().MaximumLength(PortraitRules.TestimonyMax).WithName(_ => text["Field.Testimony"]);
        RuleFor(t => t.SignedName).MaximumLength(PortraitRules.SignedNameMax).WithName(_ => text["Field.SignedName"]);
    }
}

public sealed class TestimonyModerationValidator : AbstractValidator<TestimonyModeration>
{
    public TestimonyModerationValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(m => m.Status).NotNull().IsInEnum().WithName(_ => text["Field.Status"]);
    }
}

public sealed class PortraitSettingsValidator : AbstractValidator<PortraitSettings>
{
    public PortraitSettingsValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(s => s.IsPublic).NotNull().WithName(_ => text["Field.Published"]);
    }
}
