using FluentValidation;
using Microsoft.Extensions.Localization;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Cycles;

public sealed class CycleEdit
{
    public string Title { get; set; } = "";
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>Move a cycle one phase forward or back; <see cref="Version"/> guards against two people moving it at once.</summary>
public sealed class PhaseMove
{
    public PhaseDirection Direction { get; set; }
    public Guid? Version { get; set; }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PhaseDirection>))]
public enum PhaseDirection
{
    Next,
    Previous,
}

public sealed class CycleEditValidator : AbstractValidator<CycleEdit>
{
    public CycleEditValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(TableRules.NameMax).WithName(_ => text["Field.Title"]);
        RuleFor(c => c.Start).NotNull().WithName(_ => text["Field.Start"]);
        RuleFor(c => c.End).NotNull().WithName(_ => text["Field.End"]);
        RuleFor(c => c.End).GreaterThan(c => c.Start).When(c => c.Start is not null && c.End is not null)
            .WithMessage(_ => text["Validation.EndAfterStart"]).WithName(_ => text["Field.End"]);
    }
}

public sealed class PhaseMoveValidator : AbstractValidator<PhaseMove>
{
    public PhaseMoveValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(m => m.Direction).IsInEnum().WithName(_ => text["Field.Direction"]);
    }
}
