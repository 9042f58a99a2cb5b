using FluentValidation;
using Microsoft.Extensions.Localization;
using Tables.Web.Features.Tables;
using Tables.Web.Resources;

namespace Tables.Web.Features.Members;

public sealed class OrganisationEdit
{
    public string Name { get; set; } = "";
    public Sector Sector { get; set; } = Sector.Community;
    public Guid? Version { get; set; }
}

/// <summary>Adds a person to the table by e-mail; an account is created (and invited) when none exists.</summary>
public sealed class MemberAdd
{
    public string Email { get; set; } = "";
    public string? DisplayName { get; set; }
    public TableRole Role { get; set; } = TableRole.Partner;
    public int? OrganisationId { get; set; }
}

public sealed class MemberEdit
{
    public TableRole Role { get; set; }
    public int? OrganisationId { get; set; }
    public Guid? Version { get; set; }
}

public sealed class OrganisationEditValidator : AbstractValidator<OrganisationEdit>
{
    public OrganisationEditValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(o => o.Name).NotEmpty().MaximumLength(TableRules.NameMax).WithName(_ => text["Field.Name"]);
        RuleFor(o => o.Sector).IsInEnum().WithName(_ => text["Field.Sector"]);
    }
}

public sealed class MemberAddValidator : AbstractValidator<MemberAdd>
{
    public MemberAddValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(m => m.Email).NotEmpty().MaximumLength(256).EmailAddress().WithName(_ => text["Field.Email"]);
        RuleFor(m => m.DisplayName).MaximumLength(TableRules.NameMax).WithName(_ => text["Field.DisplayName"]);
        RuleFor(m => m.Role).IsInEnum().WithName(_ => text["Field.Role"]);
    }
}

public sealed class MemberEditValidator : AbstractValidator<MemberEdit>
{
    public MemberEditValidator(IStringLocalizer<UiText> text)
    {
        RuleFor(m => m.Role).IsInEnum().WithName(_ => text["Field.Role"]);
    }
}
